"""Sites: the model's rules, the overview with its filters, a site's page, the staff's editor."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from sites.models import Site
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.sites.factories import SiteFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


def test_a_sub_district_is_one_site_at_most():
    "The database refuses a second site for the same tambon"
    site = SiteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Site.objects.create(subdistrict=site.subdistrict)


def test_a_site_outside_thailand_is_refused_by_the_database():
    "Coordinates outside Thailand's extent are refused by a check constraint"
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteFactory(latitude=Decimal("40"), longitude=Decimal("102"))


def _form_data(subdistrict, **overrides):
    district = subdistrict.district
    data = {
        "province": district.province_id,
        "district": district.pk,
        "subdistrict": subdistrict.pk,
        "status": "active",
        "story": "ชุมชนชายฝั่ง",
        "latitude": "",
        "longitude": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_staff_and_admins_create_sites(client, role):
    "Creating a site is refused to visitors (sent to sign in), members and mentors (403)"
    subdistrict = SubdistrictFactory()
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.post(reverse("sites:site-create"), _form_data(subdistrict))
    if role in ("staff", "admin"):
        assert response.status_code == 302
        assert Site.objects.filter(subdistrict=subdistrict).exists()
    else:
        assert response.status_code == (302 if role is None else 403)
        if role is None:
            assert reverse("login") in response["Location"]
        assert not Site.objects.exists()


def test_a_new_site_takes_the_centroid_and_its_mentors(client, staff_user):
    "With no coordinates typed the site is placed at its tambon's centroid; mentors are assigned"
    mentor = UserFactory(role="mentor")
    subdistrict = SubdistrictFactory(latitude=Decimal("12.5"), longitude=Decimal("102.2"))
    client.force_login(staff_user)
    response = client.post(reverse("sites:site-create"), _form_data(subdistrict, mentors=[mentor.pk]))
    assert response.status_code == 302
    site = Site.objects.get()
    assert (site.latitude, site.longitude) == (Decimal("12.5"), Decimal("102.2"))
    assert list(site.mentors.all()) == [mentor]
    assert response["Location"] == reverse("sites:site-detail", args=[subdistrict.code])


def test_staff_may_move_the_point_and_a_bad_one_keeps_what_was_typed(client, staff_user):
    "A point outside Thailand is refused next to its field and the form shows the typed story"
    site = SiteFactory()
    client.force_login(staff_user)
    url = reverse("sites:site-edit", args=[site.code])
    response = client.post(url, _form_data(site.subdistrict, latitude="45", longitude="102", story="เรื่องใหม่"))
    assert response.status_code == 200
    assert "จุดนี้อยู่นอกประเทศไทย" in response.content.decode()
    assert "เรื่องใหม่" in response.content.decode()
    response = client.post(url, _form_data(site.subdistrict, latitude="12.7", longitude="102.3"))
    site.refresh_from_db()
    assert response.status_code == 302 and site.latitude == Decimal("12.7")


def test_a_site_cannot_be_added_twice(client, staff_user):
    "Picking a tambon that already is a site says so next to the sub-district"
    site = SiteFactory()
    client.force_login(staff_user)
    response = client.post(reverse("sites:site-create"), _form_data(site.subdistrict))
    assert response.status_code == 200
    assert "ตำบลนี้เป็นพื้นที่ดำเนินการอยู่แล้ว" in response.content.decode()


@pytest.mark.parametrize("role", ["mentor", "member"])
def test_mentors_and_members_cannot_edit_a_site(client, role):
    "Editing a site is refused with 403 to mentors (even its own) and members"
    user = UserFactory(role=role)
    site = SiteFactory(mentors=[user])
    client.force_login(user)
    response = client.post(
        reverse("sites:site-edit", args=[site.code]), _form_data(site.subdistrict, story="x")
    )
    assert response.status_code == 403
    site.refresh_from_db()
    assert site.story != "x"


def _listed(page, site):
    return f'<div class="cell-content"><a href="{reverse("sites:site-detail", args=[site.code])}">' in page


def test_the_overview_filters_by_province_mentor_and_status(client):
    "The overview lists every site, narrowed by province, by mentor and by status"
    mentor = UserFactory(role="mentor", first_name="สมศรี")
    first = SiteFactory(mentors=[mentor])
    second = SiteFactory(status=Site.Status.COMPLETED)
    url = reverse("sites:site-overview")
    page = client.get(url).content.decode()
    assert _listed(page, first) and _listed(page, second)
    page = client.get(url, {"province": first.subdistrict.district.province_id}).content.decode()
    assert _listed(page, first) and not _listed(page, second)
    page = client.get(url, {"mentor": mentor.pk}).content.decode()
    assert _listed(page, first) and not _listed(page, second)
    page = client.get(url, {"status": "completed"}).content.decode()
    assert not _listed(page, first) and _listed(page, second)


def test_the_site_page_shows_its_story_mentors_and_menu_tree(client):
    "The site page names the tambon, its district and mentors; the menu lists it with its pages"
    mentor = UserFactory(role="mentor", first_name="สมศรี", last_name="ใจดี")
    site = SiteFactory(mentors=[mentor], story="ชุมชนริมแม่น้ำจันทบุรี")
    page = client.get(reverse("sites:site-detail", args=[site.code])).content.decode()
    assert "ชุมชนริมแม่น้ำจันทบุรี" in page and "สมศรี ใจดี" in page
    assert site.subdistrict.district.name_th in page
    assert reverse("sites:report-list", args=[site.code]) in page
    assert "menu-third-level" in page


def test_the_menu_lists_at_most_twelve_sites_then_links_to_every_site():
    "Seed 000's three tambons show with their pages; the 13th site and beyond are behind one link"
    from sites.selectors.sites import MENU_SITES_MAX, sites_menu_children

    sites = [SiteFactory() for _ in range(3)]
    children = sites_menu_children()
    assert len(children) == 3 and all(len(pages) == 2 for _name, _url, pages in children)
    sites += [SiteFactory() for _ in range(MENU_SITES_MAX)]
    children = sites_menu_children()
    assert len(children) == MENU_SITES_MAX + 1
    assert children[-1] == ("พื้นที่ดำเนินการทั้งหมด", reverse("sites:site-overview"), [])
    assert {url for _name, url, _pages in children[:-1]} < {
        reverse("sites:site-detail", args=[site.code]) for site in sites
    }


def test_the_sites_links_built_without_reverse_are_reverses_own():
    from sites.maps import site_url

    for code in ("220104", "100101"):
        assert site_url(code) == reverse("sites:site-detail", args=[code])


def test_an_unknown_site_is_not_found(client):
    assert client.get(reverse("sites:site-detail", args=["999999"])).status_code == 404


def _grow(count):
    mentor = UserFactory(role="mentor")
    for _ in range(count):
        SiteFactory(mentors=[mentor, UserFactory(role="mentor")])


@pytest.mark.parametrize("role", [None, "staff"])
def test_the_overview_query_count_does_not_grow_with_sites(
    client, role, django_assert_max_num_queries, django_assert_num_queries
):
    "The overview costs the same queries with 2 sites as with 30"
    if role:
        client.force_login(UserFactory(role=role))
    _grow(2)
    with django_assert_max_num_queries(9) as captured:
        assert client.get(reverse("sites:site-overview")).status_code == 200
    _grow(28)
    with django_assert_num_queries(len(captured)):
        assert client.get(reverse("sites:site-overview")).status_code == 200


@pytest.mark.parametrize("role", [None, "mentor", "staff"])
def test_the_site_page_query_count_is_fixed(
    client, role, django_assert_max_num_queries, django_assert_num_queries
):
    "A site page costs the same queries whatever the number of sites and mentors"
    user = user_in_role(role)
    site = SiteFactory(mentors=[user] if role == "mentor" else [])
    if user:
        client.force_login(user)
    url = reverse("sites:site-detail", args=[site.code])
    with django_assert_max_num_queries(14) as captured:
        assert client.get(url).status_code == 200
    _grow(20)
    site.mentors.add(*[UserFactory(role="mentor") for _ in range(5)])
    with django_assert_num_queries(len(captured)):
        assert client.get(url).status_code == 200
