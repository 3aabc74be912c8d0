"""The project list (โครงการ): visibility, filters, Thai search, sort, pages and query counts."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chsd_portal import menu
from programmes.models import Project
from programmes.selectors import project_list as selectors
from programmes.selectors import warnings as project_warnings
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.programmes.factories import (
    BudgetPeriodFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectLocationFactory,
    ProvinceFactory,
    project_with_periods,
)

pytestmark = pytest.mark.django_db

LIST_URL = "programmes:project-list"
SEED_NAME = "โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี"


def list_page(client, user=None, **params):
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(LIST_URL), params)
    assert response.status_code == 200
    return response


def codes(response) -> list[str]:
    return [project.code for project in response.context["projects"]]


# --- Route, menu, page ----------------------------------------------------------------------


def test_project_list_lives_at_projects_and_export_routes_come_before_project_codes():
    assert reverse(LIST_URL) == "/projects/"
    assert reverse("programmes:project-export", kwargs={"fmt": "xlsx"}) == "/projects/export.xlsx/"
    assert reverse("programmes:project-export", kwargs={"fmt": "csv"}) == "/projects/export.csv/"
    assert reverse("programmes:project-export") == "/projects/export/"


def test_menu_has_a_projects_entry_pointing_at_the_list(rf):
    request = rf.get("/projects/")
    request.user = AnonymousUser()
    entries = {entry["key"]: entry for entry in menu.entries_for(request)}
    assert entries["projects"]["url"] == "/projects/"
    assert entries["projects"]["active"] is True


def test_page_has_title_description_labelled_filters_and_a_reset_link(client):
    ProjectFactory(list_page=True)
    html = list_page(client).content.decode()
    assert "<title>" in html and '<meta name="description" content="' in html
    for name in ("q", "programme", "organisation", "fiscal_year", "province", "has_warnings", "sort"):
        assert f'for="id_{name}"' in html, name
        assert f'id="id_{name}"' in html, name
    assert f'href="{reverse(LIST_URL)}"' in html  # ล้างตัวกรอง
    assert 'class="table-responsive"' in html
    assert 'data-bs-toggle="collapse"' in html  # the filters fold away on a phone


def test_each_row_links_to_the_project_page(client):
    project = ProjectFactory(list_page=True, code="60-ข-087")
    html = list_page(client).content.decode()
    assert f'href="{reverse("programmes:project-detail", kwargs={"code": project.code})}"' in html


def test_empty_list_says_so_and_a_filtered_empty_list_offers_to_clear_filters(client):
    assert list_page(client).context["projects"] == []
    ProjectFactory(list_page=True)
    response = list_page(client, q="ไม่มีคำนี้แน่นอน")
    assert response.context["projects"] == []
    assert response.context["filters"].is_filtered


# --- Visibility -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_may_read_the_list(client, role):
    ProjectFactory(list_page=True)
    user = user_in_role(role)
    assert list_page(client, user).status_code == 200


@pytest.mark.parametrize(
    ("role", "sees_others_draft", "sees_own_draft"),
    [
        (None, False, False),
        ("member", False, False),
        ("mentor", False, True),
        ("staff", True, True),
        ("admin", True, True),
    ],
)
def test_drafts_show_only_to_their_mentor_and_to_staff(client, role, sees_others_draft, sees_own_draft):
    user = user_in_role(role)
    ProjectFactory(list_page=True, code="PUB-1")
    ProjectFactory(list_page=True, code="DRAFT-OTHER", status=Project.Status.DRAFT)
    ProjectFactory(
        list_page=True,
        code="DRAFT-OWN",
        status=Project.Status.DRAFT,
        mentor=user if user is not None else UserFactory(),
    )
    shown = set(codes(list_page(client, user)))
    assert "PUB-1" in shown
    assert ("DRAFT-OTHER" in shown) is sees_others_draft
    assert ("DRAFT-OWN" in shown) is (sees_own_draft if user is not None else False)


def test_filter_choices_come_only_from_projects_the_user_may_see(client, staff_user):
    hidden_programme = ProgrammeFactory(name="แผนงานที่ยังไม่เผยแพร่")
    ProjectFactory(
        list_page=True, programme=hidden_programme, organisation="องค์กรลับ", status=Project.Status.DRAFT
    )
    ProjectFactory(list_page=True, organisation="องค์กรเปิดเผย")
    visitor_form = list_page(client).context["form"]
    assert "องค์กรลับ" not in dict(visitor_form.fields["organisation"].choices)
    assert hidden_programme.pk not in dict(visitor_form.fields["programme"].choices)
    staff_form = list_page(client, staff_user).context["form"]
    assert "องค์กรลับ" in dict(staff_form.fields["organisation"].choices)
    assert hidden_programme.pk in dict(staff_form.fields["programme"].choices)


# --- Search -----------------------------------------------------------------------------------


def test_search_finds_a_thai_word_inside_a_run_of_words_without_spaces(client):
    ProjectFactory(list_page=True, code="60-ข-087", name=SEED_NAME)
    ProjectFactory(list_page=True, code="60-ข-088", name="โครงการพัฒนาศักยภาพแกนนำชุมชน")
    assert codes(list_page(client, q="สร้างเสริม")) == ["60-ข-087"]
    assert codes(list_page(client, q="ปฏิรูประบบ")) == ["60-ข-087"]


def test_search_finds_a_project_by_its_code_or_part_of_it(client):
    ProjectFactory(list_page=True, code="60-ข-087", name="โครงการหนึ่ง")
    ProjectFactory(list_page=True, code="61-ค-100", name="โครงการสอง")
    assert codes(list_page(client, q="60-ข-087")) == ["60-ข-087"]
    assert codes(list_page(client, q="ค-10")) == ["61-ค-100"]


def test_search_ignores_case_and_extra_spaces(client):
    ProjectFactory(list_page=True, code="CHSD-01", name="Healthy Village โครงการหมู่บ้าน")
    assert codes(list_page(client, q="  healthy   village ")) == ["CHSD-01"]
    assert codes(list_page(client, q="chsd")) == ["CHSD-01"]


def test_search_treats_percent_and_underscore_as_plain_characters(client):
    ProjectFactory(list_page=True, code="P-1", name="ลดอุบัติเหตุ 50% ใน 1 ปี")
    ProjectFactory(list_page=True, code="P-2", name="ลดอุบัติเหตุ 500 ราย")
    ProjectFactory(list_page=True, code="A_B", name="Village project")
    ProjectFactory(list_page=True, code="AXB", name="Village project two")
    assert codes(list_page(client, q="50%")) == ["P-1"]
    assert codes(list_page(client, q="a_b")) == ["A_B"]


# --- Filters ----------------------------------------------------------------------------------


def test_plan_filter_keeps_the_projects_of_that_plan(client):
    south = ProgrammeFactory(name="แผนงานโซนใต้บน")
    ProjectFactory(list_page=True, code="SOUTH", programme=south)
    ProjectFactory(list_page=True, code="OTHER")
    assert codes(list_page(client, programme=south.pk)) == ["SOUTH"]


def test_organisation_filter_offers_each_organisation_once_and_keeps_its_projects(client):
    ProjectFactory(list_page=True, code="A1", organisation="สนส. ม.อ.")
    ProjectFactory(list_page=True, code="A2", organisation="สนส. ม.อ.")
    ProjectFactory(list_page=True, code="B1", organisation="สสส.")
    ProjectFactory(list_page=True, code="NONE", organisation="")
    response = list_page(client, organisation="สนส. ม.อ.")
    assert sorted(codes(response)) == ["A1", "A2"]
    offered = [value for value, _label in response.context["form"].fields["organisation"].choices]
    assert offered == ["", "สนส. ม.อ.", "สสส."] or offered == ["", "สสส.", "สนส. ม.อ."]


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        # 1 Oct 2017 opens fiscal year 2561, so the project is not in 2560.
        (dt.date(2017, 10, 1), dt.date(2018, 9, 30), {2561}),
        # 30 Sep 2017 is the last day of 2560.
        (dt.date(2017, 1, 1), dt.date(2017, 9, 30), {2560}),
        # The seed project (1 Dec 2560 - 31 Dec 2561) touches 2561 and 2562.
        (dt.date(2017, 12, 1), dt.date(2018, 12, 31), {2561, 2562}),
        # One day on each side of a boundary.
        (dt.date(2018, 9, 30), dt.date(2018, 10, 1), {2561, 2562}),
    ],
)
def test_a_project_belongs_to_every_fiscal_year_its_dates_touch(client, start, end, years):
    ProjectFactory(list_page=True, code="P", start_date=start, end_date=end)
    ProjectFactory(list_page=True, code="EARLY", start_date=dt.date(2015, 1, 1), end_date=dt.date(2015, 2, 1))
    ProjectFactory(list_page=True, code="LATE", start_date=dt.date(2021, 1, 1), end_date=dt.date(2021, 2, 1))
    for year in range(2559, 2564):
        assert ("P" in codes(list_page(client, fiscal_year=year))) is (year in years), year


def test_fiscal_year_choices_span_the_data_newest_first(client):
    ProjectFactory(list_page=True, start_date=dt.date(2017, 12, 1), end_date=dt.date(2018, 12, 31))
    ProjectFactory(list_page=True, start_date=dt.date(2016, 10, 1), end_date=dt.date(2016, 11, 1))
    choices = list_page(client).context["form"].fields["fiscal_year"].choices
    assert [value for value, _label in choices] == ["", 2562, 2561, 2560]


def test_fiscal_years_spanned_handles_no_projects():
    assert selectors.fiscal_years_spanned(None, None) == []
    assert selectors.fiscal_years_spanned(dt.date(2017, 10, 1), dt.date(2017, 10, 2)) == [2561]


def test_province_filter_lists_a_project_once_even_with_two_locations_in_that_province(client):
    surat = ProvinceFactory(name_th="สุราษฎร์ธานี")
    chumphon = ProvinceFactory(name_th="ชุมพร")
    twice = ProjectFactory(list_page=True, code="TWICE")
    ProjectLocationFactory(list_page=True, project=twice, province=surat)
    ProjectLocationFactory(list_page=True, project=twice, province=surat)
    ProjectLocationFactory(list_page=True, project=twice, province=chumphon)
    elsewhere = ProjectFactory(list_page=True, code="ELSEWHERE")
    ProjectLocationFactory(list_page=True, project=elsewhere, province=chumphon)
    ProjectFactory(list_page=True, code="NOWHERE")
    response = list_page(client, province=surat.pk)
    assert codes(response) == ["TWICE"]
    assert response.context["paginator"].count == 1
    assert sorted(codes(list_page(client, province=chumphon.pk))) == ["ELSEWHERE", "TWICE"]
    offered = dict(response.context["form"].fields["province"].choices)
    assert offered[surat.pk] == "สุราษฎร์ธานี" and offered[chumphon.pk] == "ชุมพร"


def test_status_filter_is_offered_to_staff_only(client, staff_user, member_user):
    ProjectFactory(list_page=True, code="PUB")
    ProjectFactory(list_page=True, code="DRAFT", status=Project.Status.DRAFT)
    staff_response = list_page(client, staff_user, status="draft")
    assert "status" in staff_response.context["form"].fields
    assert codes(staff_response) == ["DRAFT"]
    member_response = list_page(client, member_user, status="draft")
    assert "status" not in member_response.context["form"].fields
    assert codes(member_response) == ["PUB"]


def test_has_warnings_filter_keeps_projects_with_an_open_warning_and_shows_a_badge(client):
    project_with_periods(3, code="CLEAN")
    ProjectFactory(list_page=True, code="NO-PERIODS", budget=Decimal("1000000.00"))  # 0.00 ≠ 1,000,000.00
    response = list_page(client, has_warnings="on")
    assert codes(response) == ["NO-PERIODS"]
    assert 'class="badge text-bg-danger"' in response.content.decode()
    rows = {project.code: project for project in list_page(client).context["projects"]}
    assert rows["NO-PERIODS"].open_warning_count == 1
    assert rows["CLEAN"].open_warning_count == 0


def test_row_warning_counts_agree_with_the_warnings_module(admin_user):
    """The list counts warnings from the per-period flags; they must match annotate_warnings."""
    clean = project_with_periods(3)
    mismatch = ProjectFactory(list_page=True, budget=Decimal("1000000.00"))
    outside = ProjectFactory(list_page=True)
    BudgetPeriodFactory(
        list_page=True, project=outside, number=1, start_date=dt.date(2017, 11, 1), amount=outside.budget
    )
    overlapping = ProjectFactory(list_page=True)
    BudgetPeriodFactory(
        list_page=True,
        project=overlapping,
        number=1,
        start_date=dt.date(2018, 1, 1),
        end_date=dt.date(2018, 6, 30),
    )
    BudgetPeriodFactory(
        list_page=True,
        project=overlapping,
        number=2,
        start_date=dt.date(2018, 6, 30),
        end_date=dt.date(2018, 12, 31),
        amount=Decimal("200000.00"),
    )
    late_report = ProjectFactory(list_page=True)
    BudgetPeriodFactory(
        list_page=True,
        project=late_report,
        number=1,
        amount=late_report.budget,
        report_start=dt.date(2017, 12, 1),
        report_end=dt.date(2017, 12, 2),
    )
    reviewed = ProjectFactory(list_page=True, budget=Decimal("5.00"))
    _applies, fingerprint = project_warnings.current_fingerprint(reviewed.pk, "budget_mismatch")
    reviewed.warning_reviews.create(
        kind="budget_mismatch",
        fingerprint=fingerprint,
        note="ตรวจแล้ว",
        reviewed_by=admin_user,
    )
    ids = [p.pk for p in (clean, mismatch, outside, overlapping, late_report, reviewed)]
    expected = {
        p.pk: (p.warning_count, p.open_warning_count)
        for p in project_warnings.annotate_warnings(Project.objects.filter(pk__in=ids))
    }
    rows = selectors.project_rows(ids)
    assert [row.pk for row in rows] == ids
    assert {row.pk: (row.warning_count, row.open_warning_count) for row in rows} == expected
    assert expected[reviewed.pk] == (1, 0)


def test_unknown_filter_values_narrow_nothing_and_never_fail(client):
    ProjectFactory(list_page=True, code="ONE")
    response = list_page(client, programme="999999", fiscal_year="abc", province="x", sort="evil", page="zz")
    assert codes(response) == ["ONE"]
    assert response.context["form"].errors


# --- Sort -------------------------------------------------------------------------------------


@pytest.fixture
def three_projects():
    a = ProjectFactory(
        list_page=True,
        code="B-2",
        name="ไก่ชนพื้นบ้าน",
        start_date=dt.date(2018, 1, 1),
        budget=Decimal("200.00"),
    )
    b = ProjectFactory(
        list_page=True,
        code="A-1",
        name="คนรักสุขภาพ",
        start_date=dt.date(2017, 1, 1),
        budget=Decimal("300.00"),
    )
    c = ProjectFactory(
        list_page=True,
        code="C-3",
        name="โครงการเกษตรปลอดภัย",
        start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2019, 12, 31),
        budget=Decimal("100.00"),
    )
    BudgetPeriodFactory(
        list_page=True, project=a, number=1, amount=Decimal("150.00")
    )  # total 150, difference -50
    BudgetPeriodFactory(
        list_page=True, project=b, number=1, amount=Decimal("300.00")
    )  # total 300, difference 0
    BudgetPeriodFactory(
        list_page=True, project=c, number=1, amount=Decimal("160.00")
    )  # total 160, difference +60
    return a, b, c


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("newest", ["C-3", "A-1", "B-2"]),
        ("code", ["A-1", "B-2", "C-3"]),
        ("-code", ["C-3", "B-2", "A-1"]),
        # Thai dictionary order reads the consonant before a leading vowel: ไก่ (ก), คน, โครงการ (ค).
        ("name", ["B-2", "A-1", "C-3"]),
        ("-name", ["C-3", "A-1", "B-2"]),
        ("start", ["A-1", "B-2", "C-3"]),
        ("-start", ["C-3", "B-2", "A-1"]),
        ("budget", ["C-3", "B-2", "A-1"]),
        ("-budget", ["A-1", "B-2", "C-3"]),
        ("periods_total", ["B-2", "C-3", "A-1"]),
        ("-periods_total", ["A-1", "C-3", "B-2"]),
        ("difference", ["B-2", "A-1", "C-3"]),
        ("-difference", ["C-3", "A-1", "B-2"]),
    ],
)
def test_sort_orders_the_whole_list(client, three_projects, sort, expected):
    assert codes(list_page(client, sort=sort)) == expected


def test_default_order_is_newest_first(client, three_projects):
    assert codes(list_page(client)) == ["C-3", "A-1", "B-2"]


def test_sorted_column_header_carries_aria_sort_and_flips_direction(client, three_projects):
    html = list_page(client, sort="budget", q="").content.decode()
    header = re.search(r'<th scope="col" aria-sort="ascending"[^>]*>\s*<a href="([^"]+)"', html)
    assert header is not None
    assert "sort=-budget" in header.group(1)
    html = list_page(client, sort="-budget").content.decode()
    assert 'aria-sort="descending"' in html


# --- Pages ------------------------------------------------------------------------------------


def test_pages_hold_25_projects_and_say_which_ones_are_shown(client):
    programme = ProgrammeFactory()
    for number in range(30):
        ProjectFactory(list_page=True, programme=programme, code=f"P-{number:02d}")
    first = list_page(client, sort="code")
    assert codes(first) == [f"P-{n:02d}" for n in range(25)]
    assert first.context["summary"] == {"start": "1", "end": "25", "total": "30"}
    second = list_page(client, sort="code", page=2)
    assert codes(second) == [f"P-{n:02d}" for n in range(25, 30)]
    assert second.context["summary"] == {"start": "26", "end": "30", "total": "30"}


def test_page_links_keep_the_filters_and_the_sort(client):
    programme = ProgrammeFactory()
    for number in range(30):
        ProjectFactory(
            list_page=True, programme=programme, code=f"P-{number:02d}", name=f"สร้างเสริมสุขภาพ {number}"
        )
    ProjectFactory(list_page=True, code="OTHER")
    response = list_page(client, q="สร้างเสริม", programme=programme.pk, sort="-code")
    nav = response.context["page_nav"]
    assert nav["next_url"].startswith("?")
    for link in [nav["next_url"]] + [link["url"] for link in nav["links"] if not link.get("ellipsis")]:
        assert "programme=" + str(programme.pk) in link
        assert "sort=-code" in link
        assert "q=" in link
    following = client.get(reverse(LIST_URL) + nav["next_url"])
    assert codes(following) == [f"P-{n:02d}" for n in range(4, -1, -1)]


def test_a_page_past_the_end_shows_the_last_page(client):
    for number in range(3):
        ProjectFactory(list_page=True, code=f"P-{number}")
    assert len(codes(list_page(client, page=99))) == 3


# --- Cached choices ---------------------------------------------------------------------------


@pytest.fixture
def real_cache(settings):
    from django.core.cache import cache

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    cache.clear()
    yield
    cache.clear()


def test_filter_choices_are_cached_and_forgotten_when_a_project_changes(client, real_cache):
    project = ProjectFactory(list_page=True, organisation="องค์กรเดิม")
    first = _queries_for(client)
    # Another page of results is not in the page cache, but the four choice queries are skipped.
    assert _queries_for(client, sort="code") == first - 4
    project.organisation = "องค์กรใหม่"
    project.save()
    response = list_page(client)
    assert "องค์กรใหม่" in dict(response.context["form"].fields["organisation"].choices)
    ProjectLocationFactory(list_page=True, project=project, province=ProvinceFactory(name_th="ระนอง"))
    response = list_page(client)
    assert "ระนอง" in dict(response.context["form"].fields["province"].choices).values()


def test_cached_choices_are_kept_apart_for_staff_and_visitors(client, staff_user, real_cache):
    ProjectFactory(list_page=True, organisation="องค์กรลับ", status=Project.Status.DRAFT)
    ProjectFactory(list_page=True, organisation="องค์กรเปิดเผย")
    assert "องค์กรลับ" not in dict(list_page(client).context["form"].fields["organisation"].choices)
    staff_choices = dict(list_page(client, staff_user).context["form"].fields["organisation"].choices)
    assert "องค์กรลับ" in staff_choices
    client.logout()
    assert "องค์กรลับ" not in dict(list_page(client).context["form"].fields["organisation"].choices)


# --- Query counts -----------------------------------------------------------------------------


def _make_projects(count: int, *, with_locations: bool = True):
    programme = ProgrammeFactory()
    province = ProvinceFactory()
    for number in range(count):
        project = project_with_periods(
            3,
            programme=programme,
            organisation=f"องค์กร {number % 7}",
            status=Project.Status.DRAFT if number % 5 == 0 else Project.Status.PUBLISHED,
        )
        if with_locations:
            ProjectLocationFactory(list_page=True, project=project, province=province)
    # A project with an open warning and one whose warning was reviewed, on the first page.
    ProjectFactory(list_page=True, programme=programme, budget=Decimal("1.00"))
    reviewed = ProjectFactory(list_page=True, programme=programme, budget=Decimal("2.00"))
    reviewed.warning_reviews.create(
        kind="budget_mismatch", fingerprint="stale", note="ตรวจแล้ว", reviewed_by=UserFactory(role="admin")
    )


def _queries_for(client, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        list_page(client, **params)
    return len(context.captured_queries)


# Visitor: the data version (read by the page cache and by the filter choices' cache) + 4 filter choices + COUNT + page ids + rows + their periods + 1 when
# a flagged row has a review (its open count is matched against the review) + 1 for the site menu.
VISITOR_MAX_QUERIES = 13
# Staff: the same, plus session, user and the user's groups.
STAFF_MAX_QUERIES = 15


def test_visitor_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    _make_projects(30)
    with django_assert_max_num_queries(VISITOR_MAX_QUERIES):
        list_page(client)
    with django_assert_max_num_queries(VISITOR_MAX_QUERIES):
        list_page(client, q="โครงการ", fiscal_year=2561, has_warnings="on", sort="-difference", page=1)


def test_staff_page_uses_a_fixed_number_of_queries(client, staff_user, django_assert_max_num_queries):
    _make_projects(30)
    client.force_login(staff_user)
    with django_assert_max_num_queries(STAFF_MAX_QUERIES):
        list_page(client)
    with django_assert_max_num_queries(STAFF_MAX_QUERIES):
        list_page(client, status="published", province=1, sort="name", page=2)


@pytest.mark.parametrize("role", [None, "staff"])
def test_query_count_does_not_grow_with_ten_times_the_projects(client, role):
    user = user_in_role(role)
    if user is not None:
        client.force_login(user)
    _make_projects(6)
    small = _queries_for(client), _queries_for(client, has_warnings="on", page=2)
    _make_projects(54)
    large = _queries_for(client), _queries_for(client, has_warnings="on", page=2)
    assert small == large


def test_a_repeated_list_page_comes_from_the_cache_and_a_save_shows_on_the_next_request(client, real_cache):
    project = ProjectFactory(list_page=True, name="โครงการเดิม")
    first = _queries_for(client)
    assert _queries_for(client) == 1  # only the data version is read
    assert first > 1
    project.name = "โครงการที่แก้ชื่อแล้ว"
    project.save()
    assert "โครงการที่แก้ชื่อแล้ว" in list_page(client).content.decode()
