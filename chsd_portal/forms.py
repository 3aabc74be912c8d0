"""Form fields for Thai staff: dates typed and shown as day/month/Buddhist-Era year (6/2/2561)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from chsd_portal.thai import ThaiDateError, format_date_numeric, parse_thai_date


class ThaiDateInput(forms.DateInput):
    """A plain text box, not the browser's date picker, which would show Gregorian years."""

    def __init__(self, attrs=None):
        defaults = {
            "autocomplete": "off",
            "placeholder": _("dd/mm/yyyy (B.E.)"),
        }
        super().__init__(attrs={**defaults, **(attrs or {})})

    def format_value(self, value):
        # A stored date is shown as 6/2/2561; typed text (a form shown again) is left exactly as typed.
        if isinstance(value, dt.date):
            return format_date_numeric(value)
        return super().format_value(value)


class ThaiDateField(forms.DateField):
    """A DateField that reads what staff type (see parse_thai_date) and says in Thai what is wrong."""

    widget = ThaiDateInput
    default_error_messages = {
        "invalid": _("Enter a real date as day/month/year in the Buddhist Era, for example 6/2/2561."),
        "year": _("Enter the year in full in the Buddhist Era, for example 2561."),
        # Translators: the year is in the Buddhist Era, e.g. "There is no day 31 in April 2561."
        "no_such_day": _("There is no day %(day)s in %(month)s %(year)s."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if not isinstance(value, str) or value in self.empty_values:
            return super().to_python(value)
        try:
            return parse_thai_date(value)
        except ThaiDateError as error:
            params = {}
            if error.code == "no_such_day":
                params = {
                    "day": error.params["day"],
                    "month": MONTHS[error.params["month"]],
                    "year": error.params["be_year"],
                }
            raise ValidationError(self.error_messages[error.code], code=error.code, params=params) from error
