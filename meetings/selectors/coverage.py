"""Each site's activity in one query: last visit (latest workshop), number of workshops, latest
capacity round and its date; with what is overdue by the coverage settings. Used by a mentor's
"งานของฉัน" and by the staff's coverage page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from sites.models import CapacityReport, Site

from ..models import Workshop


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, 28))


@dataclass(frozen=True)
class Thresholds:
    today: dt.date
    workshop_days: int
    report_months: int

    @property
    def workshop_since(self) -> dt.date:
        return self.today - dt.timedelta(days=self.workshop_days)

    @property
    def report_since(self) -> dt.date:
        return _months_before(self.today, self.report_months)


def thresholds() -> Thresholds:
    return Thresholds(timezone.localdate(), settings.COVERAGE_WORKSHOP_DAYS, settings.COVERAGE_REPORT_MONTHS)


def sites_with_activity(sites=None) -> list[Site]:
    """`sites` (default: every site) with `last_visit`, `workshop_count`, `latest_round`,
    `latest_round_date` and their mentors (2 queries), flagged `workshop_overdue` and
    `report_overdue` by the settings."""
    latest_report = CapacityReport.objects.submitted().filter(site=OuterRef("pk")).order_by("-number")
    queryset = (
        (sites if sites is not None else Site.objects.all())
        .with_place()
        .annotate(
            last_visit=Max("workshops__date", filter=Q(workshops__status=Workshop.Status.PUBLISHED)),
            workshop_count=Count("workshops", distinct=True),
            latest_round=Subquery(latest_report.values("number")[:1], output_field=IntegerField()),
            latest_round_date=Subquery(latest_report.values("report_date")[:1]),
        )
    )
    mentors = get_user_model().objects.order_by("first_name", "last_name", "username")
    rows = list(
        queryset.prefetch_related(Prefetch("mentors", queryset=mentors)).order_by("subdistrict__sort_name")
    )
    limits = thresholds()
    for site in rows:
        site.workshop_overdue = site.last_visit is None or site.last_visit < limits.workshop_since
        site.report_overdue = site.latest_round_date is None or site.latest_round_date < limits.report_since
    return rows


@dataclass(frozen=True)
class MentorLoad:
    mentor: object
    sites: list
    overdue: int


def mentor_workload(rows: list[Site]) -> list[MentorLoad]:
    """Each mentor with their sites and how many are overdue (no query: `rows` are read)."""
    by_mentor: dict[int, tuple[object, list]] = {}
    for site in rows:
        for mentor in site.mentors.all():
            by_mentor.setdefault(mentor.pk, (mentor, []))[1].append(site)
    loads = [
        MentorLoad(mentor, sites, sum(1 for s in sites if s.workshop_overdue or s.report_overdue))
        for mentor, sites in by_mentor.values()
    ]
    return sorted(
        loads, key=lambda load: (-len(load.sites), load.mentor.get_full_name() or load.mentor.username)
    )
