"""The admins' budget review page (ตรวจสอบงบประมาณ): who may use it, what it lists, how it
filters, sorts and pages, marking reviewed, the exports, and its fixed number of queries."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from chsd_portal import roles
from programmes.models import BudgetPeriod, WarningReview
from programmes.selectors.warnings import current_fingerprint
from programmes.services.warnings import warning_mark_reviewed
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.programmes.factories import (
    BudgetPeriodFactory,
    ProgrammeFactory,
    ProjectFactory,
    bulk_projects,
    project_with_clean_periods,
)

pytestmark = pytest.mark.django_db

Kind = WarningReview.Kind
REVIEW_URL = reverse("programmes:warning-review")
ALLOWED = {roles.ADMIN}


def page_codes(response) -> list[str]:
    """The project codes of the rows, in order (one per row)."""
    return [item["row"].code for item in response.context["rows"]]


def page_rows(response) -> list[tuple[str, str]]:
    return [(item["row"].code, item["row"].kind) for item in response.context["rows"]]


def mark_url(project, kind):
    return reverse("programmes:warning-mark-reviewed", kwargs={"pk": project.pk, "kind": kind})


def export_url(fmt):
    return reverse("programmes:warning-review-export", args=[fmt])


@pytest.fixture
def admin(db):
    return UserFactory(username="reviewer", first_name="สมศรี", last_name="ตรวจดี", role="admin")


@pytest.fixture
def admin_client(client, admin):
    client.force_login(admin)
    return client


@pytest.fixture
def projects(db):
    """Four projects: one clean, one 300,000 short with no periods (A-1), one 1,000 short (A-2),
    one with overlapping periods and a report before its period (A-3)."""
    programme = ProgrammeFactory(name="แผนงานทดสอบ")
    clean = project_with_clean_periods(code="A-0", name="โครงการเรียบร้อย", programme=programme)
    no_periods = ProjectFactory(warning_checks=True, code="A-1", name="โครงการยังไม่มีงวด", programme=programme)
    short = project_with_clean_periods(code="A-2", name="โครงการงบไม่ครบ", programme=programme)
    BudgetPeriod.objects.filter(project=short, number=3).update(amount=Decimal("99000.00"))
    overlapping = project_with_clean_periods(code="A-3", name="โครงการงวดซ้อน", programme=programme)
    BudgetPeriod.objects.filter(project=overlapping, number=2).update(
        start_date=dt.date(2018, 3, 31), report_start=dt.date(2018, 3, 1), report_end=dt.date(2018, 3, 15)
    )
    return {"clean": clean, "no_periods": no_periods, "short": short, "overlapping": overlapping}


# --- Who may use it ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_admins_see_the_review_page(client, role, projects):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.get(REVIEW_URL)
    if role is None:
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif role in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_admins_may_mark_a_warning_reviewed(client, role, projects):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.post(mark_url(projects["no_periods"], Kind.BUDGET_MISMATCH), {"note": "ตรวจแล้ว"})
    if role is None:
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
        assert not WarningReview.objects.exists()
    elif role in ALLOWED:
        assert response.status_code == 302 and response["Location"].startswith(REVIEW_URL)
        assert WarningReview.objects.get().reviewed_by == user
    else:
        assert response.status_code == 403
        assert not WarningReview.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_admins_may_export_the_review(client, role, fmt, projects):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.get(export_url(fmt))
    if role is None:
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    elif role in ALLOWED:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_marking_reviewed_answers_only_post(admin_client, projects):
    assert admin_client.get(mark_url(projects["no_periods"], Kind.BUDGET_MISMATCH)).status_code == 405


def test_unknown_kind_or_format_is_not_found(admin_client, projects):
    assert admin_client.post(mark_url(projects["no_periods"], "nonsense"), {"note": "x"}).status_code == 404
    assert admin_client.get(export_url("pdf")).status_code == 404


def test_menu_shows_budget_review_to_admins_only(client, admin, projects):
    staff = UserFactory(role="staff")
    client.force_login(staff)
    assert f'href="{REVIEW_URL}"' not in client.get(reverse("programmes:home")).content.decode()
    client.force_login(admin)
    assert f'href="{REVIEW_URL}"' in client.get(reverse("programmes:home")).content.decode()


# --- What it lists ----------------------------------------------------------------------------


def test_lists_one_row_per_project_and_kind_with_the_numbers(admin_client, projects):
    response = admin_client.get(REVIEW_URL)
    assert sorted(page_rows(response)) == [
        ("A-1", Kind.BUDGET_MISMATCH),
        ("A-2", Kind.BUDGET_MISMATCH),
        ("A-3", Kind.PERIODS_OVERLAP),
        ("A-3", Kind.REPORT_BEFORE_PERIOD),
    ]
    html = response.content.decode()
    assert "300,000.00" in html and "299,000.00" in html and "-1,000.00" in html
    assert f'href="{reverse("programmes:project-detail", kwargs={"code": "A-2"})}"' in html
    assert "โครงการงบไม่ครบ" in html and "แผนงานทดสอบ" in html
    summary = response.context["page"].summary
    assert summary.rows == 4 and summary.open == 4 and summary.reviewed == 0
    assert summary.by_kind[Kind.BUDGET_MISMATCH] == {"open": 2, "reviewed": 0}


def test_differences_are_coloured_by_sign(admin_client, projects):
    html = admin_client.get(REVIEW_URL).content.decode()
    assert 'text-danger" data-label="ผลต่าง (บาท)"' not in html  # the label comes first
    assert 'class="table-money text-danger"><div class="cell-content">-1,000.00</div>' in html


def test_each_kind_of_warning_shows_only_the_columns_that_mean_something_for_it(admin_client, projects):
    """Budget, total and difference belong to a budget mismatch, not to overlapping periods."""
    html = admin_client.get(REVIEW_URL).content.decode()
    overlap_row = next(
        row for row in html.split("<tr")[1:] if "A-3" in row and "งวดซ้อน" in row and "cell-empty" in row
    )
    assert overlap_row.count("cell-empty") == 3 and "0.00" not in overlap_row
    budget_row = next(row for row in html.split("<tr")[1:] if ">A-2<" in row)
    assert "cell-empty" not in budget_row and "-1,000.00" in budget_row
    # Listing one other kind: no money columns at all, and no sorting by difference.
    only_overlaps = admin_client.get(REVIEW_URL, {"kind": Kind.PERIODS_OVERLAP}).content.decode()
    head = only_overlaps[only_overlaps.index("<thead") : only_overlaps.index("</thead>")]
    assert "บาท" not in head and "cell-empty" not in only_overlaps


def test_reviewed_warnings_leave_the_default_list_and_show_who_reviewed_them(admin_client, admin, projects):
    warning_mark_reviewed(
        project=projects["short"], kind=Kind.BUDGET_MISMATCH, note="งวด 3 ลดตามสัญญา", user=admin
    )
    assert ("A-2", Kind.BUDGET_MISMATCH) not in page_rows(admin_client.get(REVIEW_URL))

    response = admin_client.get(REVIEW_URL, {"status": "reviewed"})
    assert page_rows(response) == [("A-2", Kind.BUDGET_MISMATCH)]
    html = response.content.decode()
    assert "สมศรี ตรวจดี" in html and "งวด 3 ลดตามสัญญา" in html
    assert " 256" in html  # the review's time in the Buddhist Era
    summary = response.context["page"].summary
    assert (summary.open, summary.reviewed) == (3, 1)

    assert len(page_rows(admin_client.get(REVIEW_URL, {"status": "all"}))) == 4


def test_kind_filter_lists_that_kind_only(admin_client, projects):
    response = admin_client.get(REVIEW_URL, {"kind": Kind.PERIODS_OVERLAP})
    assert page_rows(response) == [("A-3", Kind.PERIODS_OVERLAP)]


def test_programme_filter_and_search_narrow_the_projects(admin_client, projects):
    other = ProgrammeFactory(name="แผนงานอื่น")
    ProjectFactory(warning_checks=True, code="Z-9", name="โครงการของแผนงานอื่น", programme=other)
    assert page_codes(admin_client.get(REVIEW_URL, {"programme": other.pk})) == ["Z-9"]
    assert page_codes(admin_client.get(REVIEW_URL, {"q": "a-2"})) == ["A-2"]
    assert page_codes(admin_client.get(REVIEW_URL, {"q": "ยังไม่มี"})) == ["A-1"]


def test_bad_filter_values_fall_back_to_the_defaults(admin_client, projects):
    response = admin_client.get(
        REVIEW_URL, {"kind": "nope", "status": "nope", "programme": "x", "sort": "nope", "page": "x"}
    )
    assert response.status_code == 200
    assert len(page_rows(response)) == 4


def test_sorts_by_the_size_of_the_difference_both_ways_and_by_code_and_name(admin_client, projects):
    assert page_codes(admin_client.get(REVIEW_URL))[:2] == ["A-1", "A-2"]  # largest first by default
    # Only a budget mismatch has a difference: the other kinds follow, by code, both ways.
    assert page_codes(admin_client.get(REVIEW_URL, {"sort": "difference"})) == ["A-2", "A-1", "A-3", "A-3"]
    assert page_codes(admin_client.get(REVIEW_URL, {"sort": "-difference"})) == ["A-1", "A-2", "A-3", "A-3"]
    assert page_codes(admin_client.get(REVIEW_URL, {"sort": "-code"})) == ["A-3", "A-3", "A-2", "A-1"]
    assert page_codes(admin_client.get(REVIEW_URL, {"sort": "code"})) == ["A-1", "A-2", "A-3", "A-3"]
    by_name = page_codes(admin_client.get(REVIEW_URL, {"sort": "name"}))
    assert by_name == ["A-2", "A-3", "A-3", "A-1"]  # งบไม่ครบ < งวดซ้อน < ยังไม่มีงวด


def test_pages_hold_fifty_rows_and_their_links_keep_the_filters(admin_client):
    programme = ProgrammeFactory()
    bulk_projects(120, programme=programme)
    response = admin_client.get(REVIEW_URL, {"programme": programme.pk, "sort": "code"})
    page = response.context["page"]
    assert (len(page.rows), page.num_pages, page.summary.rows) == (50, 3, 120)
    links = response.context["page_links"]
    assert links["next_url"] == f"{REVIEW_URL}?programme={programme.pk}&sort=code&page=2"
    assert all(f"programme={programme.pk}" in link["url"] for link in links["links"] if "url" in link)

    third = admin_client.get(links["next_url"].replace("page=2", "page=3"))
    assert page_codes(third) == [f"B{n:05d}" for n in range(100, 120)]
    assert third.context["page"].start_index == 101
    second = admin_client.get(links["next_url"])
    assert page_codes(second)[0] == "B00050"


def test_a_page_past_the_end_shows_the_last_page(admin_client, projects):
    response = admin_client.get(REVIEW_URL, {"page": 9})
    assert response.status_code == 200
    assert response.context["page"].number == 1 and len(page_rows(response)) == 4


def test_the_empty_list_says_nothing_is_left_to_check(admin_client):
    project_with_clean_periods()
    response = admin_client.get(REVIEW_URL)
    assert response.context["rows"] == []
    assert "alert-success" in response.content.decode()


# --- Marking reviewed -------------------------------------------------------------------------


def test_marking_reviewed_saves_the_note_and_returns_to_the_same_filters(admin_client, admin, projects):
    project = projects["overlapping"]
    response = admin_client.post(
        mark_url(project, Kind.PERIODS_OVERLAP),
        {"note": "งวด 2 เริ่มวันสุดท้ายของงวด 1 ตามสัญญา", "back": "kind=periods_overlap&sort=code&page=2&evil=1"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{REVIEW_URL}?kind=periods_overlap&sort=code&page=2"
    review = WarningReview.objects.get()
    assert (review.project, review.kind, review.reviewed_by) == (project, Kind.PERIODS_OVERLAP, admin)
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "success" and "A-3" in message.message


def test_marking_reviewed_never_redirects_off_the_page(admin_client, projects):
    response = admin_client.post(
        mark_url(projects["no_periods"], Kind.BUDGET_MISMATCH),
        {"note": "ตรวจแล้ว", "back": "https://evil.example/?q=1"},
    )
    assert response["Location"].startswith(f"{REVIEW_URL}")


def test_marking_reviewed_without_a_note_saves_nothing_and_says_what_to_do(admin_client, projects):
    response = admin_client.post(mark_url(projects["no_periods"], Kind.BUDGET_MISMATCH), {"note": "  "})
    assert response.status_code == 302
    assert not WarningReview.objects.exists()
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "danger" or message.level_tag == "error"
    assert "A-1" in message.message


def test_marking_a_corrected_warning_is_refused(admin_client, projects):
    response = admin_client.post(mark_url(projects["clean"], Kind.BUDGET_MISMATCH), {"note": "ตรวจแล้ว"})
    assert not WarningReview.objects.exists()
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"


def test_marking_reviewed_numbers_changed_since_the_page_was_read_is_refused(admin_client, projects):
    response = admin_client.post(
        mark_url(projects["no_periods"], Kind.BUDGET_MISMATCH), {"note": "ตรวจแล้ว", "fingerprint": "stale"}
    )
    assert not WarningReview.objects.exists()
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]


def test_each_form_carries_the_numbers_the_admin_sees_and_a_later_change_is_refused(admin_client, projects):
    short = projects["short"]
    [item] = admin_client.get(REVIEW_URL, {"q": "A-2"}).context["rows"]
    assert item["row"].fingerprint == current_fingerprint(short.pk, Kind.BUDGET_MISMATCH)[1]

    BudgetPeriod.objects.filter(project=short, number=3).update(amount=Decimal("98000.00"))
    stale = admin_client.post(
        mark_url(short, Kind.BUDGET_MISMATCH), {"note": "ตรวจแล้ว", "fingerprint": item["row"].fingerprint}
    )
    assert [m.level_tag for m in get_messages(stale.wsgi_request)] == ["error"]
    assert not WarningReview.objects.exists()

    [fresh] = admin_client.get(REVIEW_URL, {"q": "A-2"}).context["rows"]
    admin_client.post(
        mark_url(short, Kind.BUDGET_MISMATCH), {"note": "ตรวจแล้ว", "fingerprint": fresh["row"].fingerprint}
    )
    assert WarningReview.objects.get().fingerprint == fresh["row"].fingerprint


def test_a_reviewed_warning_is_listed_again_once_its_numbers_change(admin_client, admin, projects):
    short = projects["short"]
    admin_client.post(mark_url(short, Kind.BUDGET_MISMATCH), {"note": "รอเอกสาร"})
    assert "A-2" not in page_codes(admin_client.get(REVIEW_URL))

    short.name = "ชื่อใหม่"
    short.save()
    assert "A-2" not in page_codes(admin_client.get(REVIEW_URL))

    BudgetPeriod.objects.filter(project=short, number=3).update(amount=Decimal("98000.00"))
    assert "A-2" in page_codes(admin_client.get(REVIEW_URL))


# --- Exports ----------------------------------------------------------------------------------


def test_csv_export_makes_a_note_that_looks_like_a_formula_inert(admin_client, admin, projects):
    """A note typed as =HYPERLINK(…) must not run when the file is opened in a spreadsheet."""
    warning_mark_reviewed(
        project=projects["short"], kind=Kind.BUDGET_MISMATCH, note='=HYPERLINK("http://x")', user=admin
    )
    response = admin_client.get(export_url("csv"), {"status": "all", "sort": "code"})
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[2][11] == '\'=HYPERLINK("http://x")'
    assert rows[2][7] == "-1000.00"  # money is a number, never escaped


def test_csv_export_holds_the_filtered_rows_with_money_as_numbers(admin_client, admin, projects):
    warning_mark_reviewed(project=projects["short"], kind=Kind.BUDGET_MISMATCH, note="ตรวจแล้ว", user=admin)
    response = admin_client.get(export_url("csv"), {"status": "all", "sort": "code"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"] and ".csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows[0]) == 12
    assert [row[0] for row in rows[1:]] == ["A-1", "A-2", "A-3", "A-3"]
    a2 = rows[2]
    assert a2[5:8] == ["300000.00", "299000.00", "-1000.00"]
    assert a2[9] == "สมศรี ตรวจดี" and a2[11] == "ตรวจแล้ว"
    assert a2[10].endswith(" น.") and " 25" in a2[10]  # Buddhist-Era date and time


def test_xlsx_export_has_thai_headers_and_money_cells_with_two_decimals(admin_client, projects):
    response = admin_client.get(export_url("xlsx"), {"kind": Kind.BUDGET_MISMATCH, "sort": "code"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "รหัสโครงการ"  # the headers follow the page's language, Thai by default
    assert [row[0] for row in rows[1:]] == ["A-1", "A-2"]
    budget_cell = sheet.cell(row=3, column=6)
    assert budget_cell.value == 300000 and budget_cell.number_format == "#,##0.00"
    assert sheet.cell(row=3, column=8).value == -1000


# --- Queries ----------------------------------------------------------------------------------

# session, user, the user's roles, the page cache's data version, the rows with their counts (one
# statement), the rows' periods, their reviews, the programmes to filter by, the menu's frameworks.
REVIEW_PAGE_QUERIES = 9


def _reviewed_everything_once(admin, projects):
    for project in projects:
        if not project.pk % 3:
            warning_mark_reviewed(project=project, kind=Kind.BUDGET_MISMATCH, note="ตรวจแล้ว", user=admin)


def test_review_page_query_count_is_pinned(admin_client, admin, django_assert_max_num_queries):
    projects = bulk_projects(10, prefix="S")
    _reviewed_everything_once(admin, projects)
    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        response = admin_client.get(REVIEW_URL, {"status": "all"})
    assert len(response.context["rows"]) == 10


def test_review_page_query_count_does_not_grow_with_ten_times_the_projects(admin_client, admin):
    _reviewed_everything_once(admin, bulk_projects(10, prefix="S"))
    with CaptureQueriesContext(connection) as small:
        admin_client.get(REVIEW_URL, {"status": "all"})
    _reviewed_everything_once(admin, bulk_projects(90, prefix="L"))
    with CaptureQueriesContext(connection) as large:
        response = admin_client.get(REVIEW_URL, {"status": "all"})
    assert response.context["page"].summary.rows == 100
    assert len(large.captured_queries) == len(small.captured_queries) <= REVIEW_PAGE_QUERIES


def test_exports_cost_a_fixed_number_of_queries(admin_client, admin, django_assert_max_num_queries):
    _reviewed_everything_once(admin, bulk_projects(60, prefix="E"))
    with django_assert_max_num_queries(6):
        response = admin_client.get(export_url("csv"), {"status": "all"})
        lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 61


def test_a_repeated_page_comes_from_the_cache_until_something_is_written(admin_client, admin, settings):
    """With a real cache: the page is kept per session under the "warnings" data-version
    counter, so a second identical request skips every heavy query, and a change to a period
    shows at once."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "review"},
    }
    project = ProjectFactory(warning_checks=True, code="C-1", budget=Decimal("500.00"))
    with CaptureQueriesContext(connection) as first:
        first_page = admin_client.get(REVIEW_URL)
    assert page_codes(first_page) == ["C-1"]
    with CaptureQueriesContext(connection) as second:
        again = admin_client.get(REVIEW_URL)
    assert again.content == first_page.content
    # session, the user with their roles (the admin check runs first), the data version.
    assert len(second.captured_queries) == 3 < len(first.captured_queries)
    BudgetPeriodFactory(warning_checks=True, project=project, number=1, amount=Decimal("500.00"))
    assert page_codes(admin_client.get(REVIEW_URL)) == []


def test_a_cached_page_is_never_served_to_someone_no_longer_admin(client, settings, projects):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "demoted"},
    }
    user = UserFactory(role="admin")
    client.force_login(user)
    assert client.get(REVIEW_URL).status_code == 200
    user.groups.clear()
    assert client.get(REVIEW_URL).status_code == 403
