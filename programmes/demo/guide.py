"""Demo content for the guide pages of seed 000's programme: the process, กรอบที่ 1–4 with their
activity plans for fiscal years 2561–2562, the summary, and the indicators' targets with dated
measurements, all read from guide.json beside this module.

Idempotent and respectful of staff work: a text is written only where it is still empty, a
framework only where its number is free, activities only into an empty plan, a target only
where none is set and measurements only for an indicator that has none.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from ..models import Activity, Framework, IndicatorMeasurement, Programme
from ..selectors.programme import home_programme

DATA = json.loads((Path(__file__).resolve().parent / "guide.json").read_text(encoding="utf-8"))
FRAMEWORKS = DATA["frameworks"]
INDICATOR_TARGETS = DATA["indicator_targets"]


@transaction.atomic
def load_demo_guide(*, password: str = "", stdout=None) -> Programme | None:
    """Fill the home programme's guide pages, plans and indicator targets where they are empty."""
    programme = home_programme()
    if programme is None:
        return None

    changed = []
    if not programme.process_text.strip():
        programme.process_text = DATA["process_text"]
        changed.append("process_text")
    if not programme.framework_summary.strip():
        programme.framework_summary = DATA["framework_summary"]
        changed.append("framework_summary")
    if changed:
        programme.save(update_fields=[*changed, "updated_at"])

    taken = set(programme.frameworks.values_list("number", flat=True))
    for data in FRAMEWORKS:
        if data["number"] in taken:
            continue  # staff may have written it already: leave it as it is
        framework = Framework.objects.create(
            programme=programme, number=data["number"], title=data["title"], body=data["body"]
        )
        Activity.objects.bulk_create(
            Activity(
                framework=framework,
                position=position,
                title=activity["title"],
                start_date=dt.date.fromisoformat(activity["start"]),
                end_date=dt.date.fromisoformat(activity["end"]),
                responsible=activity["responsible"],
                budget=Decimal(activity["budget"]),
                status=activity["status"],
            )
            for position, activity in enumerate(data["activities"], start=1)
        )

    indicators = list(programme.indicators.order_by("position", "id")[: len(INDICATOR_TARGETS)])
    measured = set(
        IndicatorMeasurement.objects.filter(indicator__in=indicators).values_list("indicator_id", flat=True)
    )
    for indicator, data in zip(indicators, INDICATOR_TARGETS, strict=False):
        if not indicator.target_text and indicator.target_value is None and not indicator.unit:
            indicator.target_text = data["target_text"]
            indicator.target_value = Decimal(data["target_value"])
            indicator.unit = data["unit"]
            indicator.save(update_fields=["target_text", "target_value", "unit"])
        if indicator.pk not in measured:
            IndicatorMeasurement.objects.bulk_create(
                IndicatorMeasurement(
                    indicator=indicator,
                    measured_on=dt.date.fromisoformat(measurement["measured_on"]),
                    value=Decimal(measurement["value"]),
                    note=measurement["note"],
                )
                for measurement in data["measurements"]
            )
    return programme
