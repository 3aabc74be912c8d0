"""The key pages of every role, on the demo data, for the page-quality checks (the Nu HTML
Checker in tests/chsd_portal/test_valid_html.py, axe in tests/browser/test_page_quality.py).

Each page is (name, url) for a GET, or (name, url, data) for a POST that comes back with errors
(a form re-rendered with its error summary)."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse

from programmes.demo.projects import SEED_CODE
from programmes.models import Indicator, Programme
from tests.programmes.test_project_edit import editor_data

# เกาะขวาง, a demo site of `mentor` (sites/demo/sites.json).
SITE_CODE = "220104"
ROLES = ("visitor", "member", "mentor", "staff", "admin")
# The demo account of each role (chsd_portal/accounts/demo.py); the visitor signs in as nobody.
ROLE_USERNAMES = {"visitor": None, "member": "member", "mentor": "mentor", "staff": "staff", "admin": "admin"}
DEMO_PASSWORD = "demo-pass-1234"


def load_demo() -> None:
    from django.test import override_settings

    with override_settings(DEMO_PASSWORD=DEMO_PASSWORD):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def key_pages() -> dict[str, list[tuple]]:
    programme = Programme.objects.filter(on_home_page=True).first() or Programme.objects.first()
    indicator = Indicator.objects.filter(programme=programme).order_by("pk").first()
    project = reverse("programmes:project-detail", args=[SEED_CODE])
    from qa_board.models import Question

    thread = Question.objects.published().filter(answer_count__gt=0).order_by("pk").first().get_absolute_url()
    held = Question.objects.filter(moderation="held").order_by("pk").first()
    delete_held = reverse("qa_board:moderate-delete", args=["question", held.pk])
    edit = reverse("programmes:project-edit", args=[SEED_CODE])
    site = reverse("sites:site-detail", args=[SITE_CODE])
    workshop_new = reverse("meetings:workshop-create", args=[SITE_CODE])
    report_new = reverse("sites:report-create", args=[SITE_CODE])
    site_pages = [
        ("site overview", reverse("sites:site-overview")),
        ("site", site),
        ("workshop", reverse("meetings:workshop-detail", args=[SITE_CODE, 1])),
        ("capacity report", reverse("sites:report-detail", args=[SITE_CODE, 1])),
        ("capacity rounds", reverse("sites:report-list", args=[SITE_CODE])),
    ]
    field_forms = [
        ("workshop form", workshop_new),
        ("capacity report form", report_new),
        (
            "workshop form with errors",
            workshop_new,
            {
                "date": "31/4/2561",
                "place": "",
                "lao": "-1",
                "participants-TOTAL_FORMS": "1",
                "participants-INITIAL_FORMS": "0",
                "participants-0-name": "นางสมศรี ใจดี",
            },
        ),
        (
            "capacity report form with errors",
            report_new,
            {
                "report_date": "x",
                "submit": "1",
                "organisations-TOTAL_FORMS": "1",
                "organisations-INITIAL_FORMS": "0",
                "organisations-0-name": "ชมรมผู้สูงอายุ",
            },
        ),
    ]
    from meetings.models import Article

    seed_article = Article.objects.get(title="ประชุมทีมพี่เลี้ยง")
    news = [
        ("news", reverse("meetings:article-list")),
        ("news category", seed_article.category.get_absolute_url()),
        ("news article", seed_article.get_absolute_url()),
    ]
    from gallery.models import Album

    album = Album.objects.published().order_by("pk").first()
    albums = [("album list", reverse("gallery:album-list")), ("album", album.get_absolute_url())]
    album_upload = reverse("gallery:album-upload", args=[album.pk])
    public = [
        ("home", reverse("programmes:home")),
        ("project list", reverse("programmes:project-list")),
        ("project", project),
        ("indicators", reverse("programmes:indicators")),
        ("indicator", reverse("programmes:indicator-detail", args=[indicator.pk])),
        ("guide", reverse("programmes:guide")),
        ("framework", reverse("programmes:framework-detail", args=[1])),
        ("plans", reverse("programmes:plan")),
        *albums,
        (
            "photo",
            reverse("gallery:photo-detail", args=[album.pk, album.photos.order_by("position").first().pk]),
        ),
        ("not found", "/no-such-page/"),
        ("search", reverse("search:results") + "?q=อาสาสมัคร"),
        ("search of a kind", reverse("search:results") + "?q=ท่าโสม&kind=meetings.workshop&page=1"),
        ("search nothing found", reverse("search:results") + "?q=ไข้เลือกออก"),
        ("search empty", reverse("search:results")),
        ("search too long", reverse("search:results") + "?q=" + "ก" * 201),
    ]
    signed_in = [("password change", reverse("password_change"))]
    editors = [
        ("project new", reverse("programmes:project-create")),
        ("project edit", edit),
        ("programme edit", reverse("programmes:programme-edit", args=[programme.pk])),
        ("indicator edit", reverse("programmes:indicator-edit", args=[indicator.pk])),
        ("measurement add", reverse("programmes:measurement-add", args=[indicator.pk])),
        ("framework edit", reverse("programmes:framework-edit", args=[1])),
        (
            "project new with errors",
            reverse("programmes:project-create"),
            editor_data(
                programme=programme,
                name="",
                budget="1.234",
                periods=[{"number": "1", "start_date": "31/4/2561", "end_date": "1/1/2561", "amount": "x"}],
            ),
        ),
        (
            "indicator edit with errors",
            reverse("programmes:indicator-edit", args=[indicator.pk]),
            {"target_value": "x"},
        ),
        (
            "measurement add with errors",
            reverse("programmes:measurement-add", args=[indicator.pk]),
            {"value": "x"},
        ),
    ]
    return {
        "visitor": [
            *public,
            ("sign in", reverse("login")),
            ("sign up", reverse("signup")),
            ("password reset", reverse("password_reset")),
            ("sign in with errors", reverse("login"), {"username": "nobody", "password": "wrong"}),
            ("sign up with errors", reverse("signup"), {"username": "", "password1": "1", "password2": "2"}),
            ("board", reverse("qa_board:question-list")),
            ("board thread", thread),
            ("ask", reverse("qa_board:ask")),
            ("ask with errors", reverse("qa_board:ask"), {"title": "", "body": "สั้น", "subdistrict": "ไม่มี"}),
            *site_pages,
            *news,
        ],
        "member": [
            ("home", reverse("programmes:home")),
            ("project", project),
            *signed_in,
            ("board thread", thread),
            ("my questions", reverse("qa_board:my-questions")),
        ],
        "mentor": [
            ("home", reverse("programmes:home")),
            ("project list", reverse("programmes:project-list")),
            ("my work", reverse("meetings:my-work")),
            ("site", site),
            *field_forms,
            *albums,
            ("album upload", album_upload),
        ],
        "staff": [
            ("project list", reverse("programmes:project-list")),
            ("search", reverse("search:results") + "?q=งบประมาณ"),
            ("project", project),
            ("indicator", reverse("programmes:indicator-detail", args=[indicator.pk])),
            *editors,
            ("coverage", reverse("meetings:coverage")),
            ("site", site),
            *albums,
            ("album new", reverse("gallery:album-create")),
            ("album edit", reverse("gallery:album-edit", args=[album.pk])),
            ("album upload", album_upload),
            ("album arrange", reverse("gallery:photo-arrange", args=[album.pk])),
            (
                "album new with errors",
                reverse("gallery:album-create"),
                {"title": "", "date": "31/4/2564", "project": "x"},
            ),
            ("album upload with errors", album_upload, {}),
            ("moderation queue", reverse("qa_board:moderation")),
            ("moderation log", reverse("qa_board:moderation-log")),
            ("moderation delete", delete_held),
            ("moderation delete with errors", delete_held, {"reason": "", "confirm": "1"}),
            ("board thread", thread),
            ("news article", seed_article.get_absolute_url()),
            ("article new", reverse("meetings:article-create")),
            ("article edit", reverse("meetings:article-edit", args=[seed_article.pk])),
            (
                "article new with errors",
                reverse("meetings:article-create"),
                {"title": "", "date": "31/4/2561", "body": "<script>x</script>", "project_code": "ไม่มี"},
            ),
            ("categories", reverse("meetings:category-list")),
            ("category edit", reverse("meetings:category-edit", args=[seed_article.category_id])),
        ],
        "admin": [
            ("home", reverse("programmes:home")),
            ("budget review", reverse("programmes:warning-review")),
            ("project", project),
            ("project edit", edit),
        ],
    }
