"""The demo: seed 000's three tambons with their mentors, capacity report ครั้งที่ 1 and workshops
ปฏิบัติการที่ 1–3; and the site page's projects, registered by programmes."""

import pytest
from django.urls import reverse

from chsd_portal.accounts.demo import load_demo_users
from meetings.demo.workshops import load_demo_workshops
from meetings.models import Workshop
from sites.demo.sites import load_demo_sites
from sites.models import CapacityReport, Site
from tests.geo_fixtures import geography  # noqa: F401
from tests.programmes.factories import ProjectFactory, ProjectLocationFactory
from tests.sites.factories import SiteFactory, ensure_capacity_components

pytestmark = pytest.mark.django_db


def test_the_demo_loads_the_three_tambons_twice_without_duplicates(client, geography):  # noqa: F811
    load_demo_users(password="x")
    ensure_capacity_components()
    for _ in range(2):
        load_demo_sites(password="x")
        load_demo_workshops(password="x")
    sites = {site.code: site for site in Site.objects.with_place().prefetch_related("mentors")}
    assert set(sites) == {"220104", "220313", "230304"}
    assert {s.name for s in sites.values()} == {"เกาะขวาง", "ตะกาดเง้า", "ท่าโสม"}
    assert [m.username for m in sites["220104"].mentors.all()] == ["mentor"]
    assert [m.username for m in sites["220313"].mentors.all()] == ["mentor"]
    assert [m.username for m in sites["230304"].mentors.all()] == ["mentor2"]
    assert all(site.latitude is not None for site in sites.values())
    for site in sites.values():
        report = CapacityReport.objects.get(site=site)
        assert report.number == 1 and report.status == "submitted" and report.scores.count() == 5
        assert list(Workshop.objects.filter(site=site).values_list("number", flat=True)) == [1, 2, 3]
    page = client.get(reverse("sites:site-detail", args=["220104"])).content.decode()
    assert "ปฏิบัติการที่ 3" in page and "ระบบข้อมูล" in page


def test_the_site_page_lists_the_projects_located_in_its_tambon(client):
    site = SiteFactory()
    inside = ProjectFactory(list_page=True, name="โครงการในตำบล")
    ProjectLocationFactory(
        project=inside,
        province=site.subdistrict.district.province,
        district=site.subdistrict.district,
        subdistrict=site.subdistrict,
    )
    ProjectFactory(list_page=True, name="โครงการที่อื่น")
    page = client.get(reverse("sites:site-detail", args=[site.code])).content.decode()
    assert "โครงการในตำบล" in page and "โครงการที่อื่น" not in page
