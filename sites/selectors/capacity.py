"""Reads of capacity reports: one report with its scores, the components a form shows, and a
site's rounds side by side with the change since the previous round."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from ..charts import score_rounds_svg
from ..models import CapacityComponent, CapacityReport, ComponentScore, Site


def report_by_number(site: Site, number: int, *, include_drafts: bool) -> CapacityReport:
    """The site's report ครั้งที่ `number` with its scores and components and its key
    organisations (3 queries), or 404."""
    reports = site.capacity_reports.select_related("author").prefetch_related(
        Prefetch("scores", queryset=ComponentScore.objects.select_related("component")), "organisations"
    )
    if not include_drafts:
        reports = reports.submitted()
    report = get_object_or_404(reports, number=number)
    report.site = site
    return report


def form_components(report: CapacityReport | None) -> list[CapacityComponent]:
    """The components a report's form scores: the active ones, plus any retired one it already
    scored (so editing an old report keeps its scores). One query."""
    condition = Q(is_active=True)
    if report is not None and report.pk:
        condition |= Q(scores__report=report)
    return list(CapacityComponent.objects.filter(condition).distinct().order_by("order", "pk"))


@dataclass(frozen=True)
class ComparisonCell:
    number: int
    score: int | None
    change: int | None  # since the previous round with a score; None for the first


@dataclass(frozen=True)
class ComparisonRow:
    component: CapacityComponent
    cells: list[ComparisonCell]
    chart: str


def comparison(reports: list[CapacityReport]) -> list[ComparisonRow]:
    """Each component scored in any of `reports` (their scores already fetched), round by round,
    with a chart; no query of its own."""
    components: dict[int, CapacityComponent] = {}
    by_report: list[dict[int, int | None]] = []
    for report in reports:
        scores = {}
        for score in report.scores.all():
            components.setdefault(score.component_id, score.component)
            scores[score.component_id] = score.score
        by_report.append(scores)
    rows = []
    for component in sorted(components.values(), key=lambda c: (c.order, c.pk)):
        cells, previous = [], None
        for report, scores in zip(reports, by_report, strict=True):
            score = scores.get(component.pk)
            change = score - previous if score is not None and previous is not None else None
            cells.append(ComparisonCell(report.number, score, change))
            if score is not None:
                previous = score
        chart = score_rounds_svg(
            [(cell.number, cell.score) for cell in cells],
            title=component.name,
            chart_id=f"chart-{component.pk}",
        )
        rows.append(ComparisonRow(component, cells, chart))
    return rows
