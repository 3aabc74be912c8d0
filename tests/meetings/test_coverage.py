"""A mentor's "งานของฉัน" after signing in, and the staff's coverage page and its export."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory, user_in_role
from tests.meetings.factories import AttendanceFactory, WorkshopFactory
from tests.sites.factories import CapacityReportFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_a_mentor_lands_on_my_work_after_signing_in(client):
    mentor = UserFactory(role="mentor")
    response = client.post(reverse("login"), {"username": mentor.username, "password": PASSWORD})
    assert response["Location"] == reverse("meetings:my-work")


def test_others_land_where_they_did_and_next_still_wins(client):
    staff = UserFactory(role="staff")
    response = client.post(reverse("login"), {"username": staff.username, "password": PASSWORD})
    assert response["Location"] == "/"
    mentor = UserFactory(role="mentor")
    site = SiteFactory(mentors=[mentor])
    form_url = reverse("meetings:workshop-create", args=[site.code])
    response = client.post(
        reverse("login") + f"?next={form_url}", {"username": mentor.username, "password": PASSWORD}
    )
    assert response["Location"] == form_url


def test_my_work_lists_the_mentors_sites_with_last_visit_round_and_overdue(client):
    "Each of the mentor's sites with its last visit, latest round and one-tap links; others' are absent"
    mentor = UserFactory(role="mentor")
    mine, stale = SiteFactory(mentors=[mentor]), SiteFactory(mentors=[mentor])
    other = SiteFactory(mentors=[UserFactory(role="mentor")])
    today = timezone.localdate()
    WorkshopFactory(site=mine, date=today - dt.timedelta(days=3))
    CapacityReportFactory(site=mine, number=1, submitted=True, report_date=today - dt.timedelta(days=10))
    WorkshopFactory(site=stale, date=today - dt.timedelta(days=400))
    client.force_login(mentor)
    page = client.get(reverse("meetings:my-work")).content.decode()
    assert mine.name in page and stale.name in page
    assert f'href="{reverse("sites:site-detail", args=[other.code])}">{other.name}</a> <small' not in page
    assert reverse("meetings:workshop-create", args=[mine.code]) in page
    assert reverse("sites:report-create", args=[stale.code]) in page
    assert "ครั้งที่ 1" in page
    assert page.count('text-bg-warning">เลยกำหนด') == 2  # the stale site: its workshop and its missing report


@pytest.mark.parametrize("role", [None, "member", "staff"])
def test_my_work_is_for_mentors(client, role):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.get(reverse("meetings:my-work"))
    assert response.status_code == (302 if role is None else 403)


@pytest.mark.parametrize("role", [None, "member", "mentor"])
def test_coverage_and_its_export_are_for_staff_and_admins(client, role):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    for name in ("meetings:coverage", "meetings:coverage-export"):
        response = client.get(reverse(name))
        assert response.status_code == (302 if role is None else 403)


def test_coverage_shows_overdue_sites_workload_and_sites_with_no_mentor(client, settings, staff_user):
    "Thresholds come from the settings; a new workshop moves the site's last visit"
    settings.COVERAGE_WORKSHOP_DAYS = 30
    mentor = UserFactory(role="mentor", first_name="สมศรี", last_name="ใจดี")
    site = SiteFactory(mentors=[mentor])
    orphan = SiteFactory()
    today = timezone.localdate()
    WorkshopFactory(site=site, date=today - dt.timedelta(days=45))
    client.force_login(staff_user)
    page = client.get(reverse("meetings:coverage")).content.decode()
    assert "ไม่มีการประชุมกับพื้นที่นาน 30 วัน" in page
    no_workshop = page[page.index("no-workshop-heading") : page.index("old-report-heading")]
    assert site.name in no_workshop and orphan.name in no_workshop
    no_mentor = page[page.index("no-mentor-heading") : page.index("workload-heading")]
    assert orphan.name in no_mentor and site.name not in no_mentor
    assert "สมศรี ใจดี" in page[page.index("workload-heading") :]
    assert page.count('"colour": "#b02a37"') == 2  # both overdue sites are red on the map
    WorkshopFactory(site=site, date=today)
    page = client.get(reverse("meetings:coverage")).content.decode()
    no_workshop = page[page.index("no-workshop-heading") : page.index("old-report-heading")]
    assert site.name not in no_workshop
    assert page.count('"colour": "#b02a37"') == 2  # still red: no capacity report yet
    export = b"".join(client.get(reverse("meetings:coverage-export"), {"format": "csv"}).streaming_content)
    text = export.decode("utf-8-sig")
    assert site.name in text and f"{today.year + 543}" in text
    xlsx = client.get(reverse("meetings:coverage-export"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert site.name in values and orphan.name in values


@pytest.mark.parametrize("name", ["meetings:coverage", "meetings:my-work"])
def test_coverage_pages_use_a_fixed_number_of_queries(
    client, name, django_assert_max_num_queries, django_assert_num_queries
):
    mentor = UserFactory(role="mentor")
    client.force_login(mentor if name == "meetings:my-work" else UserFactory(role="staff"))

    def grow(count):
        for _ in range(count):
            site = SiteFactory(mentors=[mentor, UserFactory(role="mentor")])
            AttendanceFactory(workshop=WorkshopFactory(site=site))
            CapacityReportFactory(site=site, number=1, submitted=True)

    grow(2)
    with django_assert_max_num_queries(10) as captured:
        assert client.get(reverse(name)).status_code == 200
    grow(20)
    with django_assert_num_queries(len(captured)):
        assert client.get(reverse(name)).status_code == 200
