"""A capacity component's score per round as server-rendered SVG, drawn like the indicators'
progress charts (programmes/charts.py): presentation attributes only (the strict CSP allows no
inline style), role="img" with a <title> and a <desc> a screen reader says instead."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

BAR_COLOUR = "#1f6f50"  # the portal green
GRID_COLOUR = "#dee2e6"
AXIS_COLOUR = "#6c757d"
TEXT_COLOUR = "#212529"

WIDTH, HEIGHT = 320, 180
_LEFT, _RIGHT, _TOP, _BOTTOM = 34, 10, 14, 34


def _f(number: float) -> str:
    return f"{number:.1f}"


def score_rounds_svg(rounds: list[tuple[int, int | None]], *, title: str, chart_id: str) -> SafeString:
    """Bars of a component's score (1–5) in each round; `rounds` are (round number, score or None)."""
    left, right, top, bottom = _LEFT, WIDTH - _RIGHT, _TOP, HEIGHT - _BOTTOM

    def y_of(value: float) -> float:
        return bottom - value / 5 * (bottom - top)

    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    described = "; ".join(
        (_("round %(number)s: %(score)s") % {"number": number, "score": score if score is not None else "–"})
        for number, score in rounds
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" font-size="12" fill="{TEXT_COLOUR}">',
        f'<title id="{escape(title_id)}">{escape(title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(described or _("No scores yet"))}</desc>',
        '<g aria-hidden="true">',
    ]
    for level in range(6):
        y = y_of(level)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{_f(y)}" y2="{_f(y)}" stroke="{GRID_COLOUR}"/>')
        parts.append(f'<text x="{left - 6}" y="{_f(y + 4)}" text-anchor="end">{level}</text>')
    parts.append(f'<line x1="{left}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{AXIS_COLOUR}"/>')
    slot = (right - left) / max(len(rounds), 1)
    bar = min(slot * 0.6, 48)
    for index, (number, score) in enumerate(rounds):
        centre = left + slot * (index + 0.5)
        parts.append(
            f'<text x="{_f(centre)}" y="{bottom + 16}" text-anchor="middle">'
            f"{escape(_('Round %(number)s') % {'number': number})}</text>"
        )
        if score is None:
            parts.append(
                f'<text x="{_f(centre)}" y="{bottom - 6}" text-anchor="middle" fill="{AXIS_COLOUR}">–</text>'
            )
            continue
        y = y_of(score)
        parts.append(
            f'<rect class="score-bar" data-round="{number}" data-score="{score}" x="{_f(centre - bar / 2)}" '
            f'y="{_f(y)}" width="{_f(bar)}" height="{_f(bottom - y)}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(
            f'<text x="{_f(centre)}" y="{_f(y - 4)}" text-anchor="middle" font-weight="bold">{score}</text>'
        )
    if not rounds:
        parts.append(
            f'<text x="{_f((left + right) / 2)}" y="{_f((top + bottom) / 2)}" text-anchor="middle" '
            f'fill="{AXIS_COLOUR}">{escape(_("No scores yet"))}</text>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped
