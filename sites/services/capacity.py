"""Writes for capacity reports: a report with its component scores, numbered per site."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..models import CapacityReport, ComponentScore
from .numbering import next_number_for_site


@transaction.atomic
def capacity_report_save(
    *, report: CapacityReport, scores: list[dict], submit: bool, organisations=None
) -> CapacityReport:
    """Save `report` (a new one takes the site's next round), its scores and, given a bound
    valid formset (forms/capacity.py KeyOrganisationFormSet), its key organisations. All or
    nothing.

    `scores` holds {"component", "score", "narrative"} dicts; a component with no score and no
    narrative has no row. `submit` marks the report submitted (it stays so once submitted)."""
    if report.pk is None:
        report.number = next_number_for_site(
            site=report.site, queryset=CapacityReport.objects.filter(site=report.site)
        )
    if submit and report.status != CapacityReport.Status.SUBMITTED:
        report.status = CapacityReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
    report.save()
    existing = {score.component_id: score for score in report.scores.all()}
    for row in scores:
        component = row["component"]
        current = existing.pop(component.pk, None)
        if row.get("score") is None and not row.get("narrative"):
            if current is not None:
                current.delete()
            continue
        if current is None:
            current = ComponentScore(report=report, component=component)
        current.score = row["score"]
        current.narrative = row.get("narrative", "")
        current.save()
    if organisations is not None:
        organisations.instance = report
        organisations.save()
    return report


@transaction.atomic
def capacity_report_delete(*, report: CapacityReport) -> None:
    report.delete()
