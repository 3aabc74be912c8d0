"""กรอบแนวทางการดำเนินการ and แผนการดำเนินกิจกรรม: public pages, staff editing, menu, demo data and
query counts."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chsd_portal import menu, roles
from programmes.demo.guide import FRAMEWORKS, load_demo_guide
from programmes.demo.programme import load_demo_programme
from programmes.models import Activity, Framework, Indicator, IndicatorMeasurement, Programme
from programmes.selectors import guide as selectors_guide
from tests.factories import ALL_ROLES, user_in_role
from tests.programmes.factories import ActivityFactory, FrameworkFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    """The seed programme with the guide's demo content, as `make run` shows it."""
    load_demo_programme(password="x")
    return load_demo_guide(password="x")


@pytest.fixture
def programme():
    return ProgrammeFactory(
        home=True,
        process_text="ขั้นที่ 1 เตรียมความพร้อม\n\nขั้นที่ 2 ศึกษาศักยภาพตำบล",
        framework_summary="สรุปกรอบทั้ง 4 กรอบ",
    )


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def activity_formset_data(rows, initial=0, prefix="activities"):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for field, value in row.items():
            data[f"{prefix}-{index}-{field}"] = value
    return data


GOOD_ROW = {
    "position": "1",
    "title": "ประชุมชี้แจงองค์กรหลัก",
    "responsible": "ทีมพี่เลี้ยง",
    "start_date": "1/10/2560",
    "end_date": "31/12/2560",
    "budget": "45000",
    "status": "done",
}


# Public pages ---------------------------------------------------------------------------------


def test_guide_overview_links_the_process_every_framework_and_the_summary(client, demo):
    html = html_of(client.get(reverse("programmes:guide")))
    assert reverse("programmes:guide-process") in html
    assert reverse("programmes:guide-summary") in html
    for number in (1, 2, 3, 4):
        assert reverse("programmes:framework-detail", args=[number]) in html
        assert reverse("programmes:plan-detail", args=[number]) in html
    assert "การสร้างกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน" in html
    assert "<title>" in html and 'name="description"' in html


def test_guide_overview_says_so_when_no_programme_is_on_the_home_page(client):
    ProgrammeFactory(on_home_page=False)
    html = html_of(client.get(reverse("programmes:guide")))
    assert "alert-info" in html


def test_process_page_shows_the_programme_text_as_escaped_paragraphs(client, programme):
    programme.process_text = "ขั้นที่ 1 <script>alert(1)</script>\n\nขั้นที่ 2 ศึกษาศักยภาพตำบล"
    programme.save()
    html = html_of(client.get(reverse("programmes:guide-process")))
    assert "<p>ขั้นที่ 1 &lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "<p>ขั้นที่ 2 ศึกษาศักยภาพตำบล</p>" in html
    assert "<script>alert(1)</script>" not in html


def test_summary_page_shows_the_framework_summary(client, demo):
    html = html_of(client.get(reverse("programmes:guide-summary")))
    assert "กรอบแนวทางการดำเนินการทั้ง 4 กรอบ" in html


def test_framework_page_shows_its_title_body_and_a_link_to_its_plan(client, demo):
    html = html_of(client.get(reverse("programmes:framework-detail", args=[2])))
    assert "การวิจัยและพัฒนาชุดความรู้" in html
    assert "<p>วิจัยและพัฒนาชุดความรู้ที่เกี่ยวกับการพัฒนาระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน" in html
    assert reverse("programmes:plan-detail", args=[2]) in html


def test_guide_pages_link_to_the_page_before_and_after_in_reading_order(client, demo):
    html = html_of(client.get(reverse("programmes:framework-detail", args=[1])))
    assert f'href="{reverse("programmes:guide-process")}" rel="prev"' in html
    assert f'href="{reverse("programmes:framework-detail", args=[2])}" rel="next"' in html
    html = html_of(client.get(reverse("programmes:framework-detail", args=[4])))
    assert f'href="{reverse("programmes:guide-summary")}" rel="next"' in html


def test_framework_of_another_programme_or_a_missing_number_is_not_found(client, programme):
    FrameworkFactory(programme=ProgrammeFactory(on_home_page=False), number=7)
    assert client.get(reverse("programmes:framework-detail", args=[7])).status_code == 404
    assert client.get(reverse("programmes:plan-detail", args=[7])).status_code == 404


def test_plan_page_lists_activities_with_buddhist_era_ranges_badges_and_a_total(client, programme):
    framework = FrameworkFactory(programme=programme, number=1)
    ActivityFactory(
        framework=framework,
        position=2,
        title="ติดตามและหนุนเสริม",
        start_date=dt.date(2018, 10, 1),
        end_date=dt.date(2019, 9, 30),
        budget=Decimal("150000.00"),
        status=Activity.Status.IN_PROGRESS,
    )
    ActivityFactory(
        framework=framework,
        position=1,
        title="ประชุมชี้แจง",
        start_date=dt.date(2017, 10, 1),
        end_date=dt.date(2017, 12, 31),
        budget=Decimal("45000.50"),
        status=Activity.Status.DONE,
    )
    html = html_of(client.get(reverse("programmes:plan-detail", args=[1])))
    assert html.index("ประชุมชี้แจง") < html.index("ติดตามและหนุนเสริม")
    assert "1 ต.ค. 2560 - 31 ธ.ค. 2560" in html
    assert "1 ต.ค. 2561 - 30 ก.ย. 2562" in html
    assert "45,000.50" in html and "150,000.00" in html
    assert 'data-total="195000.50"' in html
    assert "195,000.50" in html
    assert "badge text-bg-success" in html and "badge text-bg-warning" in html
    assert 'class="table-responsive"' in html


def test_plan_page_of_a_plan_without_activities_invites_staff_to_add_some(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    client.force_login(staff_user)
    html = html_of(client.get(reverse("programmes:plan-detail", args=[1])))
    assert reverse("programmes:plan-edit", args=[1]) in html


def test_plan_totals_are_summed_by_the_database_per_framework_and_overall(client, programme):
    first = FrameworkFactory(programme=programme, number=1)
    second = FrameworkFactory(programme=programme, number=2)
    FrameworkFactory(programme=programme, number=3)  # no activities: total 0.00
    for amount in ("1000.10", "2000.20", "0.05"):
        ActivityFactory(framework=first, budget=Decimal(amount))
    ActivityFactory(framework=second, budget=Decimal("999999.99"))
    ActivityFactory(framework=FrameworkFactory(programme=ProgrammeFactory(), number=1), budget=Decimal("5"))

    frameworks, grand_total = selectors_guide.plan_overview(programme)
    assert [(f.number, f.total, f.activity_count) for f in frameworks] == [
        (1, Decimal("3000.35"), 3),
        (2, Decimal("999999.99"), 1),
        (3, Decimal("0.00"), 0),
    ]
    assert grand_total == Decimal("1003000.34")
    assert selectors_guide.plan_activities(first)[1] == Decimal("3000.35")

    html = html_of(client.get(reverse("programmes:plan")))
    assert "3,000.35" in html and "1,003,000.34" in html and "0.00" in html


def test_plan_overview_shows_each_plans_date_span_in_the_buddhist_era(client, demo):
    html = html_of(client.get(reverse("programmes:plan")))
    assert "1 ต.ค. 2560 - 30 ก.ย. 2562" in html  # กรอบที่ 1, fiscal years 2561–2562


# Staff editing, per role ----------------------------------------------------------------------

EDIT_PAGES = [
    ("programmes:guide-process-edit", [], {"process_text": "กระบวนการฉบับใหม่"}),
    ("programmes:guide-summary-edit", [], {"framework_summary": "สรุปฉบับใหม่"}),
    ("programmes:framework-add", [], {"title": "กรอบใหม่", "body": "เนื้อหา"}),
    ("programmes:framework-edit", [1], {"title": "ชื่อกรอบใหม่", "body": "เนื้อหาใหม่"}),
    ("programmes:plan-edit", [1], activity_formset_data([GOOD_ROW])),
]
EXPECTED = {None: "login", roles.MEMBER: 403, roles.MENTOR: 403, roles.STAFF: "ok", roles.ADMIN: "ok"}


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize(("url_name", "args", "data"), EDIT_PAGES)
def test_only_staff_and_admins_may_open_and_submit_the_guide_edit_pages(
    client, programme, role, url_name, args, data
):
    FrameworkFactory(programme=programme, number=1)
    user = user_in_role(role)
    if user:
        client.force_login(user)
    url = reverse(url_name, args=args)
    get, post = client.get(url), client.post(url, data)
    expected = EXPECTED[role]
    if expected == "login":
        assert get.status_code == post.status_code == 302
        assert get.url.startswith(reverse("login"))
        assert post.url.startswith(reverse("login"))
    elif expected == 403:
        assert get.status_code == post.status_code == 403
    else:
        assert get.status_code == 200
        assert post.status_code == 302, post.context and post.context.get("form").errors


def test_refused_edits_change_nothing(client, programme, member_user):
    FrameworkFactory(programme=programme, number=1, title="เดิม")
    client.force_login(member_user)
    client.post(reverse("programmes:framework-edit", args=[1]), {"title": "ใหม่", "body": ""})
    client.post(reverse("programmes:plan-edit", args=[1]), activity_formset_data([GOOD_ROW]))
    assert Framework.objects.get().title == "เดิม"
    assert not Activity.objects.exists()


def test_staff_edit_the_process_text_and_see_a_success_message(client, programme, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("programmes:guide-process-edit"), {"process_text": "ย่อหน้าแรก\n\nย่อหน้าสอง"}, follow=True
    )
    html = html_of(response)
    assert "<p>ย่อหน้าสอง</p>" in html
    assert "alert-success" in html
    programme.refresh_from_db()
    assert programme.process_text == "ย่อหน้าแรก\n\nย่อหน้าสอง"


def test_a_new_framework_gets_the_number_after_the_last(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    FrameworkFactory(programme=programme, number=4)
    client.force_login(staff_user)
    response = client.post(reverse("programmes:framework-add"), {"title": "กรอบที่ห้า", "body": ""})
    assert response.status_code == 302
    assert response.url == reverse("programmes:framework-detail", args=[5])
    assert Framework.objects.get(number=5).title == "กรอบที่ห้า"


def test_add_framework_page_names_the_number_it_will_get(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    client.force_login(staff_user)
    html = html_of(client.get(reverse("programmes:framework-add")))
    assert re.search(r"<h1[^>]*>.*2.*</h1>", html, re.S)


def test_framework_title_is_required(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1, title="เดิม")
    client.force_login(staff_user)
    response = client.post(reverse("programmes:framework-edit", args=[1]), {"title": "", "body": "x"})
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert Framework.objects.get().title == "เดิม"


def test_staff_save_a_plan_with_thai_dates_and_the_page_shows_them_back(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    client.force_login(staff_user)
    second = {**GOOD_ROW, "position": "", "title": "ติดตามผล", "start_date": "1/1/2561", "end_date": ""}
    response = client.post(
        reverse("programmes:plan-edit", args=[1]), activity_formset_data([GOOD_ROW, second])
    )
    assert response.status_code == 302
    first, last = Activity.objects.order_by("position")
    assert (first.start_date, first.end_date, first.budget) == (
        dt.date(2017, 10, 1),
        dt.date(2017, 12, 31),
        45000,
    )
    assert (last.title, last.position, last.end_date) == ("ติดตามผล", 2, None)  # blank order: after the others
    html = html_of(client.get(reverse("programmes:plan-edit", args=[1])))
    assert 'value="1/10/2560"' in html and 'value="31/12/2560"' in html


def test_a_bad_activity_row_saves_nothing_and_shows_the_error_next_to_its_field(
    client, programme, staff_user
):
    framework = FrameworkFactory(programme=programme, number=1)
    kept = ActivityFactory(framework=framework, title="กิจกรรมเดิม", budget=Decimal("100"))
    client.force_login(staff_user)
    rows = [
        {**GOOD_ROW, "id": str(kept.pk), "title": "กิจกรรมเดิม แก้ไขแล้ว", "budget": "999"},
        {**GOOD_ROW, "title": "แถวที่ผิด", "start_date": "1/10/2561", "end_date": "1/9/2561"},
        {**GOOD_ROW, "title": "งบติดลบ", "budget": "-5"},
    ]
    response = client.post(reverse("programmes:plan-edit", args=[1]), activity_formset_data(rows, initial=1))
    assert response.status_code == 200
    forms = response.context["formsets"]["activities"].forms
    assert "end_date" in forms[1].errors
    assert "budget" in forms[2].errors
    html = response.content.decode()
    assert "is-invalid" in html
    assert 'value="1/9/2561"' in html  # what was typed is kept
    kept.refresh_from_db()
    assert (kept.title, kept.budget) == ("กิจกรรมเดิม", Decimal("100.00"))
    assert Activity.objects.count() == 1


def test_a_database_failure_while_saving_a_plan_rolls_back_every_row(
    client, programme, staff_user, monkeypatch
):
    framework = FrameworkFactory(programme=programme, number=1)
    kept = ActivityFactory(framework=framework, title="กิจกรรมเดิม")
    client.force_login(staff_user)
    saved = []
    original_save = Activity.save

    def failing_save(self, *args, **kwargs):
        saved.append(self.title)
        if len(saved) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Activity, "save", failing_save)
    rows = [{**GOOD_ROW, "id": str(kept.pk), "title": "แก้ไขแล้ว"}, {**GOOD_ROW, "title": "ใหม่"}]
    client.raise_request_exception = False
    response = client.post(reverse("programmes:plan-edit", args=[1]), activity_formset_data(rows, initial=1))
    assert response.status_code == 500
    kept.refresh_from_db()
    assert kept.title == "กิจกรรมเดิม"
    assert Activity.objects.count() == 1


def test_staff_delete_an_activity_by_ticking_its_box(client, programme, staff_user):
    framework = FrameworkFactory(programme=programme, number=1)
    gone = ActivityFactory(framework=framework)
    client.force_login(staff_user)
    row = {**GOOD_ROW, "id": str(gone.pk), "DELETE": "on"}
    assert (
        client.post(
            reverse("programmes:plan-edit", args=[1]), activity_formset_data([row], initial=1)
        ).status_code
        == 302
    )
    assert not Activity.objects.exists()


def test_an_untouched_blank_row_is_ignored(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    client.force_login(staff_user)
    blank = {
        "position": "",
        "title": "",
        "responsible": "",
        "start_date": "",
        "end_date": "",
        "budget": "0",
        "status": "planned",
    }
    response = client.post(
        reverse("programmes:plan-edit", args=[1]), activity_formset_data([GOOD_ROW, blank])
    )
    assert response.status_code == 302
    assert Activity.objects.count() == 1


def test_new_rows_are_offered_the_next_order_number(client, programme, staff_user):
    framework = FrameworkFactory(programme=programme, number=1)
    ActivityFactory(framework=framework, position=7)
    client.force_login(staff_user)
    html = html_of(client.get(reverse("programmes:plan-edit", args=[1])))
    assert 'name="activities-1-position" value="8"' in html


# Menu -----------------------------------------------------------------------------------------


def test_menu_children_list_the_process_each_framework_and_the_summary(programme):
    for number in (2, 1, 3):
        FrameworkFactory(programme=programme, number=number)
    FrameworkFactory(programme=ProgrammeFactory(), number=9)  # not the home programme
    guide = selectors_guide.guide_menu_children()
    assert [url for _label, url in guide] == [
        reverse("programmes:guide-process"),
        reverse("programmes:framework-detail", args=[1]),
        reverse("programmes:framework-detail", args=[2]),
        reverse("programmes:framework-detail", args=[3]),
        reverse("programmes:guide-summary"),
    ]
    plans = selectors_guide.plan_menu_children()
    assert [url for _label, url in plans] == [reverse("programmes:plan-detail", args=[n]) for n in (1, 2, 3)]


def test_menu_entries_are_registered_in_the_seed_order():
    entries = {entry.key: entry for entry in menu._entries.values()}
    assert (entries["guide"].order, entries["plans"].order, entries["indicators"].order) == (10, 20, 25)
    assert entries["guide"].url_name == "programmes:guide"
    assert entries["plans"].url_name == "programmes:plan"


def test_the_menu_reads_the_framework_numbers_once_per_page(client, programme):
    for number in range(1, 11):
        FrameworkFactory(programme=programme, number=number)
    with CaptureQueriesContext(connection) as captured:
        html = html_of(client.get(reverse("programmes:indicators")))
    framework_reads = [q["sql"] for q in captured if 'FROM "programmes_framework"' in q["sql"]]
    assert len(framework_reads) == 1
    assert html.count(reverse("programmes:plan-detail", args=[10])) == 1
    assert reverse("programmes:framework-detail", args=[10]) in html


def test_a_framework_added_shows_in_the_menu_on_the_next_page(client, programme, staff_user):
    FrameworkFactory(programme=programme, number=1)
    client.force_login(staff_user)
    assert reverse("programmes:framework-detail", args=[2]) not in html_of(
        client.get(reverse("programmes:guide"))
    )
    client.post(reverse("programmes:framework-add"), {"title": "ใหม่", "body": ""})
    assert reverse("programmes:plan-detail", args=[2]) in html_of(
        client.get(reverse("programmes:indicators"))
    )


# Demo data ------------------------------------------------------------------------------------


def test_demo_fills_frameworks_plans_texts_and_targets_for_the_home_programme(demo):
    assert list(demo.frameworks.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert demo.frameworks.get(number=1).title == "การสร้างกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน"
    for framework in demo.frameworks.all():
        assert 3 <= framework.activities.count() <= 5
    dates = Activity.objects.values_list("start_date", "end_date")
    assert all(dt.date(2017, 10, 1) <= start <= end <= dt.date(2019, 9, 30) for start, end in dates)
    assert demo.process_text and demo.framework_summary
    targets = list(Indicator.objects.order_by("position").values_list("target_text", "target_value", "unit"))
    assert targets == [
        ("ไม่น้อยกว่าร้อยละ 10 ของจำนวนตำบลทั้งหมด", Decimal("10.00"), "ร้อยละ"),
        ("78 แห่ง", Decimal("78.00"), "แห่ง"),
        ("44 แห่ง", Decimal("44.00"), "แห่ง"),
    ]
    for indicator in Indicator.objects.all():
        values = list(indicator.measurements.order_by("measured_on").values_list("value", flat=True))
        assert 3 <= len(values) <= 4 and values == sorted(values)


def test_demo_runs_twice_without_duplicating_or_overwriting_staff_changes(demo):
    framework = demo.frameworks.get(number=1)
    framework.title = "ชื่อที่เจ้าหน้าที่แก้"
    framework.save()
    framework.activities.all().delete()
    indicator = Indicator.objects.order_by("position").first()
    indicator.target_text = "เป้าหมายที่แก้"
    indicator.save()
    Programme.objects.filter(pk=demo.pk).update(process_text="ข้อความของเจ้าหน้าที่")
    counts = (Framework.objects.count(), Activity.objects.count(), IndicatorMeasurement.objects.count())

    load_demo_guide(password="x")

    assert (
        Framework.objects.count(),
        Activity.objects.count(),
        IndicatorMeasurement.objects.count(),
    ) == counts
    assert Framework.objects.get(number=1).title == "ชื่อที่เจ้าหน้าที่แก้"
    assert Indicator.objects.get(pk=indicator.pk).target_text == "เป้าหมายที่แก้"
    assert Programme.objects.get(pk=demo.pk).process_text == "ข้อความของเจ้าหน้าที่"


def test_demo_does_nothing_without_a_home_programme():
    assert load_demo_guide(password="x") is None
    assert not Framework.objects.exists()


def test_demo_frameworks_follow_the_seed_approaches():
    assert [f["number"] for f in FRAMEWORKS] == [1, 2, 3, 4]
    assert "ผลักดันให้เกิดกระบวนการในการสร้างกลไกและระบบสุขภาพกลุ่มประชากรสำคัญในชุมชน" in FRAMEWORKS[0]["body"]


# Query counts ---------------------------------------------------------------------------------

# Visitors: the page's own reads plus one for the menu's framework numbers (none where the
# page has read the frameworks itself). Signed-in: + session, user and role groups.
# Each includes 1 for the menu's sites (sites.selectors.sites.sites_menu_children).
PUBLIC_PAGES = [
    ("programmes:guide", [], 3),
    ("programmes:guide-process", [], 3),
    ("programmes:guide-summary", [], 3),
    ("programmes:framework-detail", [1], 3),
    ("programmes:plan", [], 4),
    ("programmes:plan-detail", [1], 5),
]
STAFF_PAGES = [
    ("programmes:guide", [], 5),
    ("programmes:plan-detail", [1], 7),
    ("programmes:plan-edit", [1], 6),
    ("programmes:framework-edit", [1], 5),
    ("programmes:framework-add", [], 6),
    ("programmes:guide-process-edit", [], 5),
]


def grow(programme, frameworks: int, activities_each: int):
    for number in range(programme.frameworks.count() + 1, frameworks + 1):
        FrameworkFactory(programme=programme, number=number)
    for framework in programme.frameworks.all():
        for _ in range(activities_each - framework.activities.count()):
            ActivityFactory(framework=framework)


@pytest.mark.parametrize(("url_name", "args", "pinned"), PUBLIC_PAGES)
def test_public_guide_pages_use_a_fixed_number_of_queries(
    client, programme, url_name, args, pinned, django_assert_max_num_queries
):
    grow(programme, frameworks=2, activities_each=3)
    url = reverse(url_name, args=args)
    with django_assert_max_num_queries(pinned):
        small = queries_for(client, url)
    grow(programme, frameworks=20, activities_each=30)
    assert queries_for(client, url) == small


@pytest.mark.parametrize(("url_name", "args", "pinned"), STAFF_PAGES)
def test_staff_guide_pages_use_a_fixed_number_of_queries(
    client, programme, staff_user, url_name, args, pinned, django_assert_max_num_queries
):
    grow(programme, frameworks=2, activities_each=3)
    client.force_login(staff_user)
    url = reverse(url_name, args=args)
    with django_assert_max_num_queries(pinned):
        small = queries_for(client, url)
    grow(programme, frameworks=20, activities_each=30)
    assert queries_for(client, url) == small


# Thai wording: these read the labels through the catalog, so they pass once the lead has merged
# locale/th/pending/guide.json into locale/th/LC_MESSAGES/django.po.


def test_menu_children_are_labelled_with_the_seeds_words(programme):
    for number in (1, 2, 3, 4):
        FrameworkFactory(programme=programme, number=number)
    assert [label for label, _url in selectors_guide.guide_menu_children()] == [
        "กระบวนการพัฒนาระบบสุขภาพชุมชน",
        "กรอบที่ 1",
        "กรอบที่ 2",
        "กรอบที่ 3",
        "กรอบที่ 4",
        "สรุปกรอบแนวทางการดำเนินการ",
    ]
    assert [label for label, _url in selectors_guide.plan_menu_children()] == [
        f"กรอบที่ {n}" for n in (1, 2, 3, 4)
    ]


def test_every_page_carries_the_seeds_menu_and_headings_in_thai(client, demo):
    pages = {
        "programmes:guide": [
            "กรอบแนวทางการดำเนินการ",
            "กระบวนการพัฒนาระบบสุขภาพชุมชน",
            "กรอบที่ 4",
            "สรุปกรอบแนวทางการดำเนินการ",
        ],
        "programmes:guide-process": ["กระบวนการพัฒนาระบบสุขภาพชุมชน", "กรอบที่ 1"],
        "programmes:guide-summary": ["สรุปกรอบแนวทางการดำเนินการ"],
        "programmes:plan": ["แผนการดำเนินกิจกรรม", "งบประมาณ (บาท)", "รวม"],
    }
    for url_name, words in pages.items():
        html = html_of(client.get(reverse(url_name)))
        for word in [*words, "กรอบแนวทางการดำเนินการ", "แผนการดำเนินกิจกรรม", "ตัวชี้วัด"]:
            assert word in html, (url_name, word)


def test_plan_table_headings_are_the_seeds_words(client, demo):
    html = html_of(client.get(reverse("programmes:plan-detail", args=[1])))
    for word in ("ลำดับ", "กิจกรรม", "ระยะเวลา", "ผู้รับผิดชอบ", "งบประมาณ (บาท)", "สถานะ", "รวม", "เสร็จแล้ว"):
        assert word in html, word
    assert "แผนการดำเนินกิจกรรม กรอบที่ 1" in html
