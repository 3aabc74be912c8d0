"""The wording of the data-quality warnings: what each warning says about a project and which
of its periods it names, in Thai through gettext (the SQL that finds them is in
programmes/selectors/warnings.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext

from chsd_portal.thai import format_date, format_date_range, format_money

from ..models import BudgetPeriod, Project, WarningReview

Kind = WarningReview.Kind


@dataclass
class ProjectWarning:
    """One warning of one project, worded for people."""

    kind: str
    message: str
    details: list[str] = field(default_factory=list)
    difference: Decimal | None = None
    review: WarningReview | None = None

    @property
    def is_reviewed(self) -> bool:
        return self.review is not None

    @property
    def label(self) -> str:
        return str(Kind(self.kind).label)


def _period_label(period: BudgetPeriod) -> str:
    return gettext("period %(number)s (%(dates)s)") % {
        "number": period.number,
        "dates": format_date_range(period.start_date, period.end_date, long=False),
    }


def _budget_mismatch(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    return ProjectWarning(
        kind=Kind.BUDGET_MISMATCH,
        message=gettext(
            "Warning : the sum of all periods (%(periods)s) does not equal the project budget (%(budget)s)"
        )
        % {"periods": format_money(project.periods_total), "budget": format_money(project.budget)},
        details=[
            gettext("Difference (periods - budget): %(difference)s")
            % {"difference": format_money(project.budget_difference)}
        ],
        difference=project.budget_difference,
    )


def _period_outside(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    concerned = [_period_label(p) for p in periods if p.is_outside]
    return ProjectWarning(
        kind=Kind.PERIOD_OUTSIDE,
        message=gettext("Warning : %(periods)s fall outside the project's dates (%(project_dates)s)")
        % {
            "periods": ", ".join(concerned),
            "project_dates": format_date_range(project.start_date, project.end_date, long=False),
        },
        details=concerned,
    )


def _periods_overlap(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    by_number = {p.number: p for p in periods}
    pairs = [
        gettext("%(first)s and %(second)s")
        % {"first": _period_label(p), "second": _period_label(by_number[other])}
        for p in periods
        for other in p.overlaps or []
        if other in by_number
    ]
    return ProjectWarning(
        kind=Kind.PERIODS_OVERLAP,
        message=gettext("Warning : the dates of %(pairs)s overlap") % {"pairs": "; ".join(pairs)},
        details=pairs,
    )


def _report_before_period(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    concerned = [
        gettext("period %(number)s: report dates end %(report_end)s, period dates start %(start)s")
        % {"number": p.number, "report_end": format_date(p.report_end), "start": format_date(p.start_date)}
        for p in periods
        if p.report_before
    ]
    return ProjectWarning(
        kind=Kind.REPORT_BEFORE_PERIOD,
        message=gettext("Warning : the report dates end before the period dates start (%(periods)s)")
        % {"periods": "; ".join(concerned)},
        details=concerned,
    )


_BUILDERS = {
    Kind.BUDGET_MISMATCH: _budget_mismatch,
    Kind.PERIOD_OUTSIDE: _period_outside,
    Kind.PERIODS_OVERLAP: _periods_overlap,
    Kind.REPORT_BEFORE_PERIOD: _report_before_period,
}


def build_warning(
    project: Project, kind: str, periods: list[BudgetPeriod], review: WarningReview | None = None
) -> ProjectWarning:
    """One warning of a project carrying `periods_total` and `budget_difference`, worded from its
    periods as `periods_with_problems` gives them; `review` only when it is current."""
    warning = _BUILDERS[kind](project, periods)
    warning.review = review
    return warning
