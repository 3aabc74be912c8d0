"""Reads of workshops: a site's list with totals, one workshop with its register, the site page's
section, the latest workshops for the home page. Each is a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Attendance, Workshop


def _visible(site, *, include_drafts: bool):
    workshops = Workshop.objects.filter(site=site)
    return workshops if include_drafts else workshops.published()


def site_workshops(site, *, include_drafts: bool) -> list[Workshop]:
    """The site's workshops in number order, each with `total` participants (1 query)."""
    return list(
        _visible(site, include_drafts=include_drafts)
        .annotate(total=Sum("attendance__count"))
        .order_by("number")
    )


def workshop_by_number(site, number: int, *, include_drafts: bool, with_participants: bool) -> Workshop:
    """ปฏิบัติการที่ `number` of the site with its register and mentors present (3–4 queries), or 404."""
    prefetches = [
        Prefetch("attendance", queryset=Attendance.objects.order_by("pk")),
        "mentors_present",
        "attachments",
    ]
    if with_participants:
        prefetches.append("participants")
    workshop = get_object_or_404(
        _visible(site, include_drafts=include_drafts).select_related("author").prefetch_related(*prefetches),
        number=number,
    )
    workshop.site = site
    workshop.total = sum(row.count for row in workshop.attendance.all())
    return workshop


def site_section(site, *, include_drafts: bool) -> dict:
    """The site page's workshops: the list with totals, the last visit, the next planned date."""
    workshops = site_workshops(site, include_drafts=include_drafts)
    today = timezone.localdate()
    past = [w for w in workshops if w.date <= today]
    planned = [w.next_date for w in workshops if w.next_date and w.next_date >= today]
    return {
        "site": site,
        "workshops": workshops,
        "last_visit": max((w.date for w in past), default=None),
        "next_planned": min(planned, default=None),
    }


def latest_workshops(limit: int = 5) -> list[Workshop]:
    """The latest published workshops of every site, for the home page (1 query)."""
    return list(
        Workshop.objects.published()
        .select_related("site__subdistrict")
        .annotate(total=Sum("attendance__count"))
        .order_by("-date", "-pk")[:limit]
    )
