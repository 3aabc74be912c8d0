"""PDPA: a project lead's phone and e-mail are personal data, shown only to signed-in staff,
mentors and admins, and the page cache never hands one person's page to another."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.programmes.factories import ProjectFactory

pytestmark = pytest.mark.django_db

PHONE = "081-234-5678"
EMAIL = "lead.person@example.org"


@pytest.fixture
def project():
    return ProjectFactory(
        code="60-ข-087", status="published", lead_name="นายทวีวัตร เครือสาย", lead_phone=PHONE, lead_email=EMAIL
    )


def page_for(role, project):
    client = Client()
    if role:
        client.force_login(UserFactory(role=role))
    response = client.get(reverse("programmes:project-detail", args=[project.code]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_contact"),
    [(None, False), ("member", False), ("mentor", True), ("staff", True), ("admin", True)],
)
def test_only_staff_mentors_and_admins_see_the_leads_phone_and_e_mail(project, role, sees_contact):
    html = page_for(role, project)
    assert "นายทวีวัตร เครือสาย" in html  # the name is public, as on the page users know
    assert (PHONE in html) is sees_contact
    assert (EMAIL in html) is sees_contact
    assert ("เบอร์โทรผู้รับผิดชอบโครงการ" in html) is sees_contact


@pytest.fixture
def real_cache(settings):
    from django.core.cache import cache

    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pdpa"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("first", ["staff", "mentor", "admin"])
def test_a_cached_staff_page_is_never_served_to_a_visitor_or_a_member(real_cache, project, first):
    assert PHONE in page_for(first, project)
    assert PHONE not in page_for(None, project)
    assert PHONE not in page_for("member", project)


@pytest.mark.parametrize("viewer", ["staff", "mentor"])
def test_a_cached_visitor_page_is_never_served_to_staff(real_cache, project, viewer):
    assert PHONE not in page_for(None, project)
    assert PHONE in page_for(viewer, project)
