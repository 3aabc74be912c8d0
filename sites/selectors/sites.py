"""Reads of sites: the overview with its filters, one site's page, the menu's tree."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import CapacityReport, ComponentScore, Province, Site
from ..sections import menu_links_for


def _mentors_prefetch() -> Prefetch:
    return Prefetch(
        "mentors",
        queryset=get_user_model()
        .objects.order_by("first_name", "last_name", "username")
        .only("pk", "username", "first_name", "last_name"),
    )


def overview_filter_choices() -> dict:
    """The querysets the overview's filters list: provinces and mentors that have a site."""
    return {
        "provinces": Province.objects.filter(districts__subdistricts__site__isnull=False).distinct(),
        "mentors": get_user_model()
        .objects.filter(mentored_sites__isnull=False)
        .distinct()
        .order_by("first_name", "last_name", "username"),
    }


def overview_sites(*, province=None, mentor=None, status: str = "") -> list[Site]:
    """Every site matching the filters, with its place and mentors (2 queries)."""
    sites = Site.objects.with_place().prefetch_related(_mentors_prefetch())
    if province is not None:
        sites = sites.filter(subdistrict__district__province=province)
    if mentor is not None:
        sites = sites.filter(mentors=mentor)
    if status:
        sites = sites.filter(status=status)
    return list(sites.order_by("subdistrict__sort_name"))


def site_by_code(code: str) -> Site:
    """The site of the sub-district `code`, with its place and mentors (2 queries), or 404."""
    return get_object_or_404(
        Site.objects.with_place().prefetch_related(_mentors_prefetch()), subdistrict__code=code
    )


def site_reports(site: Site, *, include_drafts: bool) -> list[CapacityReport]:
    """The site's capacity reports in round order with their scores (2 queries)."""
    reports = site.capacity_reports.all()
    if not include_drafts:
        reports = reports.submitted()
    return list(
        reports.prefetch_related(
            Prefetch("scores", queryset=ComponentScore.objects.select_related("component"))
        ).order_by("number")
    )


# The menu lists this many sites, each with its pages (seed 000 has three); past that it ends
# with a link to the overview. A dropdown of a hundred tambons is no way to find one, and
# building it cost the sites' pages most of their time in `make bench`.
MENU_SITES_MAX = 12


def sites_menu_children() -> list[tuple]:
    """พื้นที่ดำเนินการ ▸ each site ▸ its reports and workshops, the first MENU_SITES_MAX in Thai
    order, then "every site" when there are more (1 query)."""
    children = []
    rows = list(
        Site.objects.order_by("subdistrict__sort_name").values_list(
            "subdistrict__name_th", "subdistrict__code"
        )[: MENU_SITES_MAX + 1]
    )
    for name, code in rows[:MENU_SITES_MAX]:
        children.append(
            (
                name,
                reverse("sites:site-detail", args=[code]),
                [
                    (_("Sub-district capacity reports"), reverse("sites:report-list", args=[code])),
                    *menu_links_for(code),
                ],
            )
        )
    if len(rows) > MENU_SITES_MAX:
        children.append((_("Every site"), reverse("sites:site-overview"), []))
    return children
