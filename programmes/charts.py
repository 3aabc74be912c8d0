"""Server-rendered SVG charts: no JavaScript library, nothing loaded from elsewhere, readable by
screen readers (role="img" with a <title> and a <desc> that says what the chart shows).

This module lays the chart out (scales, ticks, labels); the markup is the template
templates/programmes/includes/progress_chart.svg, autoescaped like every page.

Everything is drawn with SVG presentation attributes, never style attributes, so the strict
Content-Security-Policy (no 'unsafe-inline') allows it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chsd_portal.thai import BE_OFFSET, SHORT_MONTHS, format_date

LINE_COLOUR = "#1f6f50"  # the portal green
TARGET_COLOUR = "#9a4d00"  # dark amber: 4.5:1 on white, and unlike the data line in grey-scale
GRID_COLOUR = "#dee2e6"
AXIS_COLOUR = "#6c757d"
TEXT_COLOUR = "#212529"


def format_number(value) -> str:
    """45 for 45.00, 4.5 for 4.50, 1,234.25 for 1234.25: what people write, not what is stored."""
    if value is None:
        return ""
    amount = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def percent_of(value, target) -> int | None:
    """Whole percent of the target reached (58 for 45 of 78); None when there is no target."""
    if value is None or not target:
        return None
    ratio = Decimal(str(value)) * 100 / Decimal(str(target))
    return int(ratio.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ChartSize:
    width: int
    height: int
    max_x_ticks: int
    font_size: int


SMALL = ChartSize(width=480, height=220, max_x_ticks=4, font_size=12)
LARGE = ChartSize(width=760, height=340, max_x_ticks=7, font_size=13)
# For phones: drawn 280 units wide, its 12-unit text is 12 px or more in any box 280 px wide.
NARROW = ChartSize(width=280, height=200, max_x_ticks=2, font_size=12)
# The sizes a chart of each size is also drawn at, with the CSS class that shows it
# (static/css/portal.css shows the one whose text renders at 12 px or more in its box).
_VARIANTS = {
    SMALL: ((NARROW, "chart-narrow"), (SMALL, "chart-small")),
    LARGE: ((NARROW, "chart-narrow"), (SMALL, "chart-small"), (LARGE, "chart-large")),
}

_MARGIN_LEFT, _MARGIN_RIGHT, _MARGIN_TOP, _MARGIN_BOTTOM = 56, 20, 30, 46
_INSET = 10  # keeps the first and last points off the axes


def _nice_step(span: float, ticks: int = 4) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about `ticks` parts."""
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power  # pragma: no cover - the loop always returns


def _y_ticks(top_value: float) -> list[float]:
    if top_value <= 0:
        return [0.0, 1.0]  # nothing above zero to show: one plain step
    step = _nice_step(top_value)
    count = math.ceil(top_value / step - 1e-9)
    return [step * i for i in range(count + 1)]


def _month_label(day: dt.date) -> str:
    return f"{SHORT_MONTHS[day.month - 1]} {day.year + BE_OFFSET}"


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    return dt.date(day.year + index // 12, index % 12 + 1, 1)


def _x_ticks(start: dt.date, end: dt.date, dates: Sequence[dt.date], limit: int) -> list[tuple[dt.date, str]]:
    """Month starts inside [start, end], every 1, 2, 3, 6 or 12 months so at most `limit` fit
    (quarters fall on ต.ค., ม.ค., เม.ย., ก.ค.: the fiscal quarters); the measurement dates
    themselves when the span holds no month start."""
    if len(set(dates)) == 1:
        return [(dates[0], format_date(dates[0]))]  # one date: name it exactly
    first = dt.date(start.year, start.month, 1)
    if first < start:
        first = _add_months(first, 1)
    months_in_span = (end.year - first.year) * 12 + end.month - first.month + 1 if first <= end else 0
    ticks = []
    if months_in_span:
        step = next((s for s in (1, 2, 3, 6, 12) if math.ceil(months_in_span / s) <= limit), 12)
        day = first
        while day <= end:
            if (day.month - 1) % step == 0:
                ticks.append((day, _month_label(day)))
            day = _add_months(day, 1)
        if len(ticks) > limit:
            ticks = ticks[:: math.ceil(len(ticks) / limit)]
    if ticks:
        return ticks
    unique = sorted(set(dates))
    if len(unique) > limit:
        stride = math.ceil(len(unique) / limit)
        unique = unique[::stride]
    return [(day, format_date(day)) for day in unique]


def _f(number: float) -> str:
    return f"{number:.1f}"


@dataclass
class ProgressChart:
    """Everything the chart's template (programmes/includes/progress_chart.svg) draws, already
    placed and worded: coordinates as text, labels as plain strings the template escapes."""

    chart_id: str
    title: str
    description: str
    size: ChartSize
    left: int
    right: int
    top: int
    bottom: int
    y_ticks: list[dict] = field(default_factory=list)
    unit: str = ""
    x_ticks: list[dict] = field(default_factory=list)
    axis_label: str = ""
    axis_label_x: str = ""
    target: dict | None = None
    line_points: str = ""
    points: list[dict] = field(default_factory=list)
    latest: dict | None = None
    empty: dict | None = None
    colours: dict = field(
        default_factory=lambda: {
            "line": LINE_COLOUR,
            "target": TARGET_COLOUR,
            "grid": GRID_COLOUR,
            "axis": AXIS_COLOUR,
            "text": TEXT_COLOUR,
        }
    )

    @property
    def title_id(self) -> str:
        return f"{self.chart_id}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.chart_id}-desc"


def progress_chart(
    measurements: Sequence[tuple[dt.date, object]],
    *,
    target=None,
    unit: str = "",
    title: str,
    chart_id: str,
    size: ChartSize = SMALL,
) -> ProgressChart:
    """The chart of dated measurements with the target as a dashed line, laid out.

    `measurements` are (date, value) pairs in any order; `target` may be None (no line drawn).
    `chart_id` must be unique on the page: it ties the SVG to its title and description.
    Zero measurements give the axes, the target and a "no measurements yet" note.
    """
    points = sorted((day, float(value)) for day, value in measurements)
    target_value = float(target) if target is not None else None
    unit_suffix = f" {unit}" if unit else ""

    width, height = size.width, size.height
    left, right = _MARGIN_LEFT, width - _MARGIN_RIGHT
    top, bottom = _MARGIN_TOP, height - _MARGIN_BOTTOM

    highest = max(
        [value for _day, value in points] + ([target_value] if target_value is not None else []) + [0]
    )
    y_ticks = _y_ticks(highest)
    y_top = y_ticks[-1]

    def y_of(value: float) -> float:
        return bottom - (value / y_top) * (bottom - top)

    if points:
        start, end = points[0][0], points[-1][0]
        if start == end:
            start, end = start - dt.timedelta(days=30), end + dt.timedelta(days=30)
    else:
        start = end = None

    def x_of(day: dt.date) -> float:
        span = (end - start).days or 1
        return left + _INSET + (day - start).days / span * (right - left - 2 * _INSET)

    chart = ProgressChart(
        chart_id=chart_id,
        title=title,
        description=_describe(points, target_value, unit_suffix),
        size=size,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        unit=unit,
        axis_label=_("Date measured"),
        axis_label_x=_f((left + right) / 2),
        y_ticks=[
            {"y": _f(y_of(tick)), "label_y": _f(y_of(tick) + 4), "label": format_number(tick)}
            for tick in y_ticks
        ],
    )
    if points:
        chart.x_ticks = [
            {"x": _f(x_of(day)), "label": label}
            for day, label in _x_ticks(start, end, [d for d, _v in points], size.max_x_ticks)
        ]
    if target_value is not None:
        y = y_of(target_value)
        chart.target = {
            "y": _f(y),
            "label_y": _f(y - 6),
            "value": format_number(target),
            "label": _("Target %(value)s%(unit)s") % {"value": format_number(target), "unit": unit_suffix},
        }
    if points:
        coordinates = [(x_of(day), y_of(value)) for day, value in points]
        if len(coordinates) > 1:
            chart.line_points = " ".join(f"{_f(x)},{_f(y)}" for x, y in coordinates)
        chart.points = [
            {"x": _f(x), "y": _f(y), "tip": f"{format_date(day)}: {format_number(value)}{unit_suffix}"}
            for (day, value), (x, y) in zip(points, coordinates, strict=True)
        ]
        last_x, last_y = coordinates[-1]
        anchor = "end" if last_x > (left + right) / 2 else "start"
        offset = -8 if anchor == "end" else 8
        label_y = last_y - 10
        # Below the point when above it would sit on the target line or its label.
        if label_y < top + 4 or (target_value is not None and abs(label_y - y_of(target_value)) < 16):
            label_y = last_y + 20
        chart.latest = {
            "x": _f(last_x + offset),
            "y": _f(label_y),
            "anchor": anchor,
            "text": format_number(points[-1][1]),
        }
    else:
        chart.empty = {
            "x": _f((left + right) / 2),
            "y": _f((top + bottom) / 2),
            "text": _("No measurements yet."),
        }
    return chart


def progress_chart_svg(measurements: Sequence[tuple[dt.date, object]], **kwargs) -> SafeString:
    """`progress_chart(...)` drawn as inline SVG by its template (autoescaped)."""
    return render_to_string(
        "programmes/includes/progress_chart.svg", {"chart": progress_chart(measurements, **kwargs)}
    )


def responsive_chart(measurements, *, chart_id: str, size: ChartSize = SMALL, **options) -> SafeString:
    """The chart drawn at each size up to `size`, in a box whose width picks the one shown.

    An SVG scales with its box, text included: a 480-wide chart in a 300-pixel phone column has
    7-pixel text. Each variant is shown only where its box is at least as wide as the chart
    (container queries in static/css/portal.css), so chart text is never drawn under 12 px; the hidden
    ones are display:none, out of the accessibility tree."""
    parts = [f'<div class="chart-sizes{" has-large" if size is LARGE else ""}">']
    for variant, css in _VARIANTS[size]:
        svg = progress_chart_svg(measurements, chart_id=f"{chart_id}-{css[6:]}", size=variant, **options)
        parts.append(svg.replace('class="progress-chart"', f'class="progress-chart {css}"', 1))
    parts.append("</div>")
    return mark_safe("".join(parts))  # noqa: S308 - each SVG is built escaped


def _describe(points, target_value, unit_suffix) -> str:
    """One or two sentences a screen reader says instead of the picture."""
    sentences = []
    if not points:
        sentences.append(_("No measurements yet."))
    else:
        first_day, _first_value = points[0]
        last_day, last_value = points[-1]
        if len(points) == 1:
            sentences.append(
                _("One measurement: %(value)s%(unit)s on %(date)s.")
                % {"value": format_number(last_value), "unit": unit_suffix, "date": format_date(last_day)}
            )
        else:
            sentences.append(
                _("%(count)s measurements from %(start)s to %(end)s; the latest is %(value)s%(unit)s.")
                % {
                    "count": len(points),
                    "start": format_date(first_day),
                    "end": format_date(last_day),
                    "value": format_number(last_value),
                    "unit": unit_suffix,
                }
            )
    if target_value is not None:
        reached = percent_of(points[-1][1], target_value) if points else None
        if reached is None:
            sentences.append(
                _("Target: %(target)s%(unit)s.")
                % {"target": format_number(target_value), "unit": unit_suffix}
            )
        else:
            sentences.append(
                _("Target: %(target)s%(unit)s, %(percent)s%% reached.")
                % {"target": format_number(target_value), "unit": unit_suffix, "percent": reached}
            )
    else:
        sentences.append(_("No target has been set."))
    return " ".join(sentences)
