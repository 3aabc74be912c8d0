"""The pages' query counts do not grow from a few sites to the bench's 100 sites with 2,000
workshops (bench/generate.py's generate_sites, the data `make bench` measures)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.geo_fixtures import geography  # noqa: F401
from tests.meetings.factories import AttendanceFactory, WorkshopFactory
from tests.programmes.factories import ProgrammeFactory
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_pages_cost_the_same_with_100_sites_and_2000_workshops(
    client,
    geography,  # noqa: F811
    django_assert_max_num_queries,
    django_assert_num_queries,
):
    from bench.generate import generate_sites
    from sites.models import Site

    ProgrammeFactory(on_home_page=True)
    staff = UserFactory(role="staff")
    mentor = UserFactory(role="mentor")
    site = SiteFactory(mentors=[mentor])
    AttendanceFactory(workshop=WorkshopFactory(site=site))
    pages = [
        (None, reverse("programmes:home")),
        (None, reverse("sites:site-overview")),
        (None, reverse("sites:site-detail", args=[site.code])),
        (None, reverse("meetings:workshop-list", args=[site.code])),
        (staff, reverse("meetings:coverage")),
        (mentor, reverse("meetings:my-work")),
    ]
    counts = []
    for user, url in pages:
        client.logout()
        if user:
            client.force_login(user)
        with django_assert_max_num_queries(16) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    generate_sites()
    from meetings.models import Workshop

    assert Site.objects.count() == 100 and Workshop.objects.count() == 1 + 99 * 20
    bench_site = Site.objects.exclude(pk=site.pk).first()
    bench_site.mentors.add(mentor)
    for (user, url), count in zip(pages, counts, strict=True):
        client.logout()
        if user:
            client.force_login(user)
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200
    client.logout()
    bench_url = reverse("sites:site-detail", args=[bench_site.code])  # a bench site: 20 workshops
    with django_assert_num_queries(counts[2]):
        assert client.get(bench_url).status_code == 200
