"""Reads for the guide, activity-plan and indicator pages of the home programme; the query count
of each page is decided here."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from asgiref.local import Local
from django.db.models import Count, Max, Min, Prefetch, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..charts import format_number, percent_of
from ..models import Activity, Framework, Indicator, IndicatorMeasurement, Programme

ZERO = Decimal("0.00")

# The menu asks for the home programme's framework numbers twice per page (กรอบแนวทางการดำเนินการ
# and แผนการดำเนินกิจกรรม). They are remembered for the length of one request only, so every
# page costs exactly one small query for them whatever the number of gunicorn workers, and
# nothing stale survives the request. Outside a request (shell, tests calling this directly)
# nothing is remembered.
_memo = Local()


def request_started(**kwargs) -> None:
    _memo.in_request = True
    _memo.framework_numbers = None


def request_finished(**kwargs) -> None:
    _memo.in_request = False
    _memo.framework_numbers = None


def forget_framework_numbers(**kwargs) -> None:
    """A framework or programme was saved or deleted: read the numbers again."""
    _memo.framework_numbers = None


def home_framework_numbers() -> list[int]:
    """Numbers of the home programme's frameworks, in order: one query, once per request."""
    numbers = getattr(_memo, "framework_numbers", None) if getattr(_memo, "in_request", False) else None
    if numbers is None:
        numbers = list(
            Framework.objects.filter(programme__on_home_page=True)
            .order_by("number")
            .values_list("number", flat=True)
        )
        if getattr(_memo, "in_request", False):
            _memo.framework_numbers = numbers
    return numbers


def _remember_framework_numbers(numbers: list[int]) -> None:
    """A page that already read the frameworks saves the menu its query."""
    if getattr(_memo, "in_request", False):
        _memo.framework_numbers = list(numbers)


def guide_frameworks(programme: Programme) -> list[Framework]:
    """The programme's frameworks for the overview (one query)."""
    frameworks = list(programme.frameworks.order_by("number"))
    if programme.on_home_page:
        _remember_framework_numbers([f.number for f in frameworks])
    return frameworks


def home_framework_or_404(number: int) -> Framework:
    """กรอบที่ N of the home programme with its programme (one query)."""
    try:
        return Framework.objects.select_related("programme").get(programme__on_home_page=True, number=number)
    except Framework.DoesNotExist as missing:
        raise Http404(f"No framework {number} on the home programme.") from missing


def guide_neighbours(current: str | int) -> tuple[tuple[str, object] | None, tuple[str, object] | None]:
    """The pages before and after `current` in reading order: "process", 1 … N, "summary".

    Uses the per-request framework numbers, so it costs the page no query of its own.
    """
    order: list[str | int] = ["process", *home_framework_numbers(), "summary"]
    try:
        index = order.index(current)
    except ValueError:
        return None, None
    before = order[index - 1] if index > 0 else None
    after = order[index + 1] if index + 1 < len(order) else None
    return before, after


def next_framework_number(programme: Programme) -> int:
    return (programme.frameworks.aggregate(top=Max("number"))["top"] or 0) + 1


# Activity plans -------------------------------------------------------------------------------


def plan_overview(programme: Programme) -> tuple[list[Framework], Decimal]:
    """Every framework with its plan's total, activity count and date span, and the grand total,
    all summed by PostgreSQL (two queries)."""
    frameworks = list(
        programme.frameworks.order_by("number").annotate(
            total=Coalesce(Sum("activities__budget"), ZERO),
            activity_count=Count("activities"),
            first_day=Min("activities__start_date"),
            last_day=Max("activities__end_date"),
        )
    )
    if programme.on_home_page:
        _remember_framework_numbers([f.number for f in frameworks])
    grand_total = Activity.objects.filter(framework__programme=programme).aggregate(
        total=Coalesce(Sum("budget"), ZERO)
    )["total"]
    return frameworks, grand_total


def plan_activities(framework: Framework) -> tuple[list[Activity], Decimal]:
    """A framework's activities in order, and their total budget summed in SQL (two queries)."""
    activities = list(framework.activities.order_by("position", "id"))
    total = framework.activities.aggregate(total=Coalesce(Sum("budget"), ZERO))["total"]
    return activities, total


# Indicators -----------------------------------------------------------------------------------


@dataclass
class IndicatorProgress:
    """What the pages say about one indicator: its measurements, the latest, and how far along."""

    indicator: Indicator
    measurements: list[IndicatorMeasurement]
    chart: str = ""  # the SVG, set by the view that knows the chart's size and title

    @property
    def latest(self) -> IndicatorMeasurement | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def percent(self) -> int | None:
        latest = self.latest
        return percent_of(latest.value, self.indicator.target_value) if latest else None

    @property
    def latest_value(self) -> str:
        return format_number(self.latest.value) if self.latest else ""

    @property
    def target_value(self) -> str:
        return format_number(self.indicator.target_value)

    @property
    def meter_value(self) -> Decimal | None:
        """The latest value capped at the target, for a <progress> bar that cannot overflow."""
        if self.latest is None or not self.indicator.target_value:
            return None
        return min(self.latest.value, self.indicator.target_value)

    @property
    def progress_text(self) -> str:
        """'45 จาก 78 แห่ง (58%)'; just the latest value when there is no target to compare."""
        latest = self.latest
        if latest is None:
            return ""
        unit = f" {self.indicator.unit}" if self.indicator.unit else ""
        percent = self.percent
        if percent is None:
            return f"{format_number(latest.value)}{unit}"
        # Translators: e.g. "45 of 78 แห่ง (58%)"; %(unit)s carries its own leading space.
        return _("%(value)s of %(target)s%(unit)s (%(percent)s%%)") % {
            "value": format_number(latest.value),
            "target": format_number(self.indicator.target_value),
            "unit": unit,
            "percent": percent,
        }

    @property
    def table(self) -> list[dict]:
        """The measurements newest first, each with its value as written and its percent of target."""
        target = self.indicator.target_value
        return [
            {"measurement": m, "value": format_number(m.value), "percent": percent_of(m.value, target)}
            for m in reversed(self.measurements)
        ]

    @property
    def points(self) -> list[tuple]:
        return [(m.measured_on, m.value) for m in self.measurements]


def _measurements_in_order():
    return IndicatorMeasurement.objects.order_by("measured_on", "id")


def indicator_progress_list(programme: Programme) -> list[IndicatorProgress]:
    """Every indicator of the programme with its measurements in date order (two queries)."""
    indicators = programme.indicators.order_by("position", "id").prefetch_related(
        Prefetch("measurements", queryset=_measurements_in_order())
    )
    return [IndicatorProgress(indicator, list(indicator.measurements.all())) for indicator in indicators]


def home_indicator_or_404(pk: int) -> Indicator:
    """An indicator of the home programme, with the programme (one query)."""
    try:
        return Indicator.objects.select_related("programme").get(pk=pk, programme__on_home_page=True)
    except Indicator.DoesNotExist as missing:
        raise Http404(f"No indicator {pk} on the home programme.") from missing


def indicator_progress(indicator: Indicator) -> IndicatorProgress:
    """One indicator's measurements in date order (one query)."""
    return IndicatorProgress(indicator, list(_measurements_in_order().filter(indicator=indicator)))


# Menu -----------------------------------------------------------------------------------------


def guide_menu_children() -> list[tuple[str, str]]:
    """กรอบแนวทางการดำเนินการ: the process page, กรอบที่ 1 … N and the summary (≤ 1 query)."""
    return [
        (capfirst(_("community health system development process")), reverse("programmes:guide-process")),
        *(
            (
                _("Framework %(number)s") % {"number": number},
                reverse("programmes:framework-detail", args=[number]),
            )
            for number in home_framework_numbers()
        ),
        (capfirst(_("summary of the frameworks")), reverse("programmes:guide-summary")),
    ]


def plan_menu_children() -> list[tuple[str, str]]:
    """แผนการดำเนินกิจกรรม: กรอบที่ 1 … N (no query of its own after guide_menu_children)."""
    return [
        (_("Framework %(number)s") % {"number": number}, reverse("programmes:plan-detail", args=[number]))
        for number in home_framework_numbers()
    ]


def connect_signals() -> None:
    """Keep the per-request framework numbers right: reset with each request, and forgotten
    whenever a framework or a programme (which may change which one is on the home page)
    is saved or deleted."""
    from django.core.signals import request_finished as finished
    from django.core.signals import request_started as started
    from django.db.models.signals import post_delete, post_save

    started.connect(request_started, dispatch_uid="programmes.guide.request_started")
    finished.connect(request_finished, dispatch_uid="programmes.guide.request_finished")
    for model in (Framework, Programme):
        post_save.connect(
            forget_framework_numbers, sender=model, dispatch_uid=f"programmes.guide.save.{model.__name__}"
        )
        post_delete.connect(
            forget_framework_numbers, sender=model, dispatch_uid=f"programmes.guide.delete.{model.__name__}"
        )
