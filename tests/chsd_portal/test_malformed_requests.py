"""Malformed requests the scanners and hand-made probes sent get a Thai 400/404 or a form error,
never a 500, and store nothing: NUL characters anywhere in a request, over-long sign-in names,
broken formset management forms and forged row counts."""

import time

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from programmes.models import Activity, BudgetPeriod, Indicator, Project
from tests.factories import UserFactory
from tests.programmes.factories import FrameworkFactory, ProgrammeFactory, ProjectFactory
from tests.programmes.test_project_edit import editor_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return ProjectFactory(code="60-ข-087", status="published")


@pytest.fixture
def strict_client(client):
    """Any exception in a view fails the test instead of becoming a 500 page."""
    client.raise_request_exception = True
    return client


# NUL characters ------------------------------------------------------------------------------

NUL_PATHS = [
    "/projects/x%00y/",
    "/projects/%00/edit/",
    "/projects/%00/",
    "/guide/frameworks/%00/",
    "/%00",
    "/accounts/login/%00",
]


@pytest.mark.parametrize("path", NUL_PATHS)
@pytest.mark.parametrize("role", [None, "staff"])
def test_a_nul_in_the_path_is_the_thai_404_page(strict_client, project, path, role):
    if role:
        strict_client.force_login(UserFactory(role=role))
    response = strict_client.get(path)
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


NUL_QUERIES = [
    ("programmes:project-list", "q=ab%00c"),
    ("programmes:project-list", "organisation=%00"),
    ("programmes:project-list", "sort=%00"),
    ("programmes:project-list", "page=1%00"),
    ("programmes:project-list", "x%00=1"),
    ("programmes:project-export", "q=%00"),
    ("programmes:home", "next=%00"),
    ("login", "next=/%00"),
    ("sites:districts", "province=1%00"),
]


@pytest.mark.parametrize(("url_name", "query"), NUL_QUERIES)
def test_a_nul_in_the_query_string_is_the_thai_400_page(strict_client, project, url_name, query):
    strict_client.force_login(UserFactory(role="staff"))
    response = strict_client.get(f"{reverse(url_name)}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "คำขอไม่ถูกต้อง" in html and '<html lang="th">' in html


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_USER_AGENT": "probe\x00"},
        {"HTTP_COOKIE": "sessionid=abcdefgh12345678\x00"},
        {"HTTP_ACCEPT": "\x00"},
    ],
)
def test_a_nul_in_a_header_or_cookie_is_the_thai_400_page(strict_client, header):
    response = strict_client.post(reverse("login"), {"username": "somebody", "password": "x"}, **header)
    assert response.status_code == 400
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("field", ["username", "password"])
def test_a_nul_in_the_sign_in_form_is_a_form_error(strict_client, field):
    data = {"username": "somebody", "password": "secret", field: "some\x00thing"}
    response = strict_client.post(reverse("login"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not AccessAttempt.objects.exists()


def test_a_nul_in_the_project_editor_is_a_form_error_and_nothing_is_stored(strict_client, project):
    strict_client.force_login(UserFactory(role="staff"))
    data = editor_data(project, name="โครงการ\x00ใหม่", organisation="อบต.\x00")
    response = strict_client.post(reverse("programmes:project-edit", args=[project.code]), data)
    assert response.status_code == 200
    assert {"name", "organisation"} <= set(response.context["form"].errors)
    project.refresh_from_db()
    assert "\x00" not in project.name


# Over-long text for fixed-width columns ---------------------------------------------------------


@pytest.mark.parametrize("length", [151, 256, 300, 5000])
def test_a_sign_in_name_longer_than_any_account_is_a_thai_form_error(strict_client, length):
    response = strict_client.post(reverse("login"), {"username": "a" * length, "password": "x"})
    assert response.status_code == 200
    errors = response.context["form"].errors["username"]
    assert errors == [f"ใช้ได้ไม่เกิน 150 ตัวอักษร (พิมพ์ไว้ {length} ตัวอักษร)"]
    assert not AccessAttempt.objects.exists()


def test_a_long_user_agent_on_a_failed_sign_in_is_stored_cut_not_a_500(strict_client):
    response = strict_client.post(
        reverse("login"), {"username": "somebody", "password": "x"}, HTTP_USER_AGENT="u" * 5000
    )
    assert response.status_code == 200
    assert len(AccessAttempt.objects.get().user_agent) == 255


@pytest.mark.parametrize(("url_name", "field"), [("signup", "username"), ("signup", "email")])
def test_over_long_sign_up_fields_are_thai_form_errors(strict_client, url_name, field):
    value = "a" * 300 + ("@example.org" if field == "email" else "")
    response = strict_client.post(reverse(url_name), {field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors


def test_an_over_long_password_reset_e_mail_is_a_form_error(strict_client):
    response = strict_client.post(reverse("password_reset"), {"email": "a" * 300 + "@example.org"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


# Formsets: broken management forms and forged row counts ----------------------------------------

BROKEN_MANAGEMENT = [
    {"periods-INITIAL_FORMS": "abc"},
    {"periods-TOTAL_FORMS": "1e3"},
    {"periods-TOTAL_FORMS": "-1"},
    {"periods-TOTAL_FORMS": "", "periods-INITIAL_FORMS": ""},
    {"periods-INITIAL_FORMS": "5", "periods-TOTAL_FORMS": "2"},
]


@pytest.mark.parametrize("broken", BROKEN_MANAGEMENT)
@pytest.mark.parametrize("action", ["fill_quarters", "save"])
def test_a_broken_management_form_on_the_project_editor_is_a_thai_error_and_stores_nothing(
    strict_client, project, broken, action
):
    strict_client.force_login(UserFactory(role="staff"))
    data = editor_data(project, action=action, fiscal_year="2561", name="ชื่อใหม่ที่ไม่ควรถูกบันทึก")
    data.update(broken)
    response = strict_client.post(reverse("programmes:project-edit", args=[project.code]), data)
    assert response.status_code == 200
    page = " ".join([str(m) for m in response.context["messages"]] + [response.content.decode()])
    assert "ส่งมาไม่ครบ" in page or "บันทึกได้ไม่เกิน" in page or "ยังไม่ได้บันทึก" in page
    project.refresh_from_db()
    assert project.name != "ชื่อใหม่ที่ไม่ควรถูกบันทึก"
    assert not BudgetPeriod.objects.exists()


def test_a_missing_management_form_when_creating_a_project_stores_nothing(strict_client):
    strict_client.force_login(UserFactory(role="staff"))
    programme = ProgrammeFactory()
    data = editor_data(programme=programme)
    for key in [k for k in data if k.endswith("_FORMS")]:
        del data[key]
    response = strict_client.post(reverse("programmes:project-create"), data)
    assert response.status_code == 200
    assert "ส่งมาไม่ครบ" in response.content.decode()
    assert not Project.objects.exists()


def _forged(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0"}


def _editor_posts(project):
    framework = FrameworkFactory(programme=project.programme, number=1)
    programme_fields = {"name": project.programme.name}
    empty = {
        f"{p}-{k}": "0"
        for p in ("indicators", "approaches", "outcomes")
        for k in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    return [
        (
            reverse("programmes:project-edit", args=[project.code]),
            lambda total: {**editor_data(project), **_forged("periods", total)},
        ),
        (
            reverse("programmes:project-edit", args=[project.code]),
            lambda total: {
                **editor_data(project, action="fill_quarters", fiscal_year="2561"),
                **_forged("periods", total),
            },
        ),
        (
            reverse("programmes:plan-edit", args=[framework.number]),
            lambda total: _forged("activities", total),
        ),
        (
            reverse("programmes:programme-edit", args=[project.programme.pk]),
            lambda total: {**programme_fields, **empty, **_forged("outcomes", total)},
        ),
        (
            reverse("programmes:programme-edit", args=[project.programme.pk]),
            lambda total: {**programme_fields, **empty, **_forged("indicators", total)},
        ),
    ]


@pytest.mark.parametrize("which", range(5))
def test_a_forged_row_count_of_2000_is_refused_quickly_with_a_thai_error(strict_client, which):
    project = ProjectFactory(code="60-ข-087", programme=ProgrammeFactory(home=True))
    strict_client.force_login(UserFactory(role="staff"))
    url, data_for = _editor_posts(project)[which]
    started = time.monotonic()
    response = strict_client.post(url, data_for(2000))
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert elapsed < 2, f"{elapsed:.1f} s"
    html = response.content.decode()
    assert "บันทึกได้ไม่เกิน" in html
    assert not BudgetPeriod.objects.exists() and not Activity.objects.exists()
    assert not Indicator.objects.exists()


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)


def test_every_formset_a_page_saves_is_row_limited():
    """Look-alikes: any page with formsets (FormWithFormsetsMixin) caps its rows and checks its
    management form before building them."""
    import programmes.urls  # noqa: F401  (imports every view)
    from chsd_portal.formsets import FormWithFormsetsMixin, RowLimitMixin

    views = [view for view in _all_subclasses(FormWithFormsetsMixin) if view.formset_classes]
    assert len(views) >= 3  # the programme, the activity plan and the project editors
    for view in views:
        for prefix, formset_class in view.formset_classes.items():
            assert issubclass(formset_class, RowLimitMixin), (view, prefix)
            assert formset_class.validate_max and formset_class.absolute_max == formset_class.max_num <= 300


# Out-of-range numbers and over-long texts in addresses -------------------------------------------

HUGE = "9" * 30
LONG_URLS = [
    f"/indicators/{HUGE}/",
    f"/indicators/{HUGE}/edit/",
    f"/indicators/1/measurements/{HUGE}/edit/",
    f"/programmes/{HUGE}/edit/",
    f"/plans/{HUGE}/",
    "/plans/40000/",  # beyond a small-integer column
    f"/plans/{HUGE}/edit/",
    f"/guide/frameworks/{HUGE}/",
    f"/review/budget/{HUGE}/budget_mismatch/reviewed/",
    "/projects/" + "ก" * 3000 + "/",
    "/projects/" + "a" * 3000 + "/edit/",
    f"/projects/?page={HUGE}",
    f"/review/budget/?page={HUGE}",
    f"/review/budget/?page=-{HUGE}&programme={HUGE}&kind=x&status=y",
    f"/projects/?programme={HUGE}&fiscal_year={HUGE}&province={HUGE}",
    "/projects/?q=" + "x" * 5000,
    f"/sites/api/districts?province={HUGE}",
    f"/history/deleted/activity/{HUGE}/restore/",
    "/review/budget/export/" + "x" * 3000 + "/",
]


@pytest.mark.parametrize("url", LONG_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_out_of_range_numbers_and_over_long_texts_in_addresses_are_never_a_500(strict_client, url, method):
    FrameworkFactory(number=1)
    strict_client.force_login(UserFactory(role="admin"))
    assert getattr(strict_client, method)(url).status_code < 500


EDITOR_FIELDS = [
    "programme",
    "code",
    "start_date",
    "budget",
    "mentor",
    "latitude",
    "version",
    "locations-0-province",
    "locations-0-district",
    "periods-0-number",
    "periods-0-id",
    "target_groups-0-planned",
]


@pytest.mark.parametrize("field", EDITOR_FIELDS)
@pytest.mark.parametrize("action", ["save", "fill_quarters"])
def test_a_nul_in_any_field_of_the_project_editor_is_a_form_error(strict_client, project, field, action):
    strict_client.force_login(UserFactory(role="staff"))
    data = editor_data(project, action=action, fiscal_year="2561", name="ชื่อใหม่ที่ไม่ควรถูกบันทึก")
    for prefix in ("locations", "periods", "target_groups"):
        data[f"{prefix}-TOTAL_FORMS"] = "1"
    data[field] = "1\x00"
    response = strict_client.post(reverse("programmes:project-edit", args=[project.code]), data)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.name != "ชื่อใหม่ที่ไม่ควรถูกบันทึก"


def test_a_request_for_another_host_name_gets_the_thai_400_page(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "คำขอไม่ถูกต้อง" in response.content.decode()
