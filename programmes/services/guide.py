"""Writes for the guide and indicator pages that need more than a form's save()."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max

from ..models import Framework, Indicator, IndicatorMeasurement, Programme


@transaction.atomic
def framework_create(*, programme: Programme, title: str, body: str = "") -> Framework:
    """Add the programme's next framework (กรอบที่ N+1).

    The programme row is locked while the number is chosen, so two staff adding a framework at
    the same moment get 5 and 6 rather than one of them an error.
    """
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    top = Framework.objects.filter(programme=programme).aggregate(top=Max("number"))["top"] or 0
    return Framework.objects.create(programme=programme, number=top + 1, title=title, body=body)


class DuplicateMeasurement(Exception):
    """Another measurement of the indicator already has that date."""


def measurement_save(
    *,
    indicator: Indicator,
    measured_on: dt.date,
    value: Decimal,
    note: str = "",
    measurement: IndicatorMeasurement | None = None,
) -> IndicatorMeasurement:
    """Create or update a measurement; a date already taken (even by a concurrent save, which the
    form's own check cannot see) raises DuplicateMeasurement instead of a database error."""
    measurement = measurement or IndicatorMeasurement(indicator=indicator)
    measurement.indicator = indicator
    measurement.measured_on = measured_on
    measurement.value = value
    measurement.note = note
    try:
        with transaction.atomic():
            measurement.save()
    except IntegrityError as error:
        if IndicatorMeasurement.objects.filter(indicator=indicator, measured_on=measured_on).exists():
            raise DuplicateMeasurement from error
        raise
    return measurement
