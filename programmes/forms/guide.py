"""Forms for the guide pages, the activity plans and the indicators: Thai dates, Thai messages."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from chsd_portal.forms import ThaiDateField
from chsd_portal.formsets import inline_formset
from chsd_portal.thai import format_date

from ..models import Activity, Framework, Indicator, IndicatorMeasurement, Programme

NOT_NEGATIVE = _("Enter zero or more.")


class ProcessTextForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["process_text"]
        widgets = {"process_text": forms.Textarea(attrs={"rows": 18})}


class FrameworkSummaryForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["framework_summary"]
        widgets = {"framework_summary": forms.Textarea(attrs={"rows": 18})}


class FrameworkForm(forms.ModelForm):
    class Meta:
        model = Framework
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}


class PlanForm(forms.ModelForm):
    """The plan page edits only the activities; the framework itself just gets its updated_at."""

    class Meta:
        model = Framework
        fields: list[str] = []


class PositionField(forms.IntegerField):
    """A row's order; left blank it means "after the others" and does not count as a change, so a
    blank row added by the browser stays ignorable."""

    def has_changed(self, initial, data):
        if data in self.empty_values:
            return False
        return super().has_changed(initial, data)


class ActivityForm(forms.ModelForm):
    position = PositionField(
        label=_("order"),
        required=False,
        min_value=1,
        max_value=32767,
        widget=forms.NumberInput(attrs={"min": "1", "inputmode": "numeric"}),
    )
    start_date = ThaiDateField(label=_("from"), required=False)
    end_date = ThaiDateField(label=_("to"), required=False)
    budget = forms.DecimalField(
        label=_("budget (baht)"),
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0"),
        initial=Decimal("0"),
        error_messages={"min_value": NOT_NEGATIVE},
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}),
    )

    class Meta:
        model = Activity
        fields = ["position", "title", "responsible", "start_date", "end_date", "budget", "status"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    # Set by ActivityFormSet for rows that are not stored yet.
    fallback_position: int | None = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("position") is None and "position" not in self.errors:
            cleaned["position"] = (
                self.instance.position if self.instance.pk else (self.fallback_position or 1)
            )
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date",
                _("The activity cannot end (%(end)s) before it starts (%(start)s).")
                % {"end": format_date(end), "start": format_date(start)},
            )
        return cleaned


class BaseActivityFormSet(forms.BaseInlineFormSet):
    """New rows are numbered after the stored ones unless staff type another order."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if i >= self.initial_form_count():
            stored = max((activity.position for activity in self.get_queryset()), default=0)
            form.fallback_position = stored + i - self.initial_form_count() + 1
            form.initial["position"] = form.fallback_position
        return form

    @property
    def empty_form(self):
        form = super().empty_form
        form.initial["position"] = None  # a row added in the browser: numbered when saved
        return form


# A framework's plan holds a few dozen activities at most (the demo's largest has 6).
MAX_ACTIVITIES = 200

ActivityFormSet = inline_formset(
    Framework,
    Activity,
    max_rows=MAX_ACTIVITIES,
    form=ActivityForm,
    formset=BaseActivityFormSet,
    extra=1,
    can_delete=True,
)


class IndicatorTargetForm(forms.ModelForm):
    target_value = forms.DecimalField(
        label=_("target value"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        error_messages={"min_value": NOT_NEGATIVE},
        widget=forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"}),
        help_text=_("The number the chart draws as a dashed line, e.g. 78. Leave empty for no target."),
    )

    class Meta:
        model = Indicator
        fields = ["target_text", "target_value", "unit"]


class MeasurementForm(forms.ModelForm):
    measured_on = ThaiDateField(label=_("measured on"))
    value = forms.DecimalField(
        label=_("value"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0"),
        error_messages={"min_value": NOT_NEGATIVE},
        widget=forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"}),
    )

    class Meta:
        model = IndicatorMeasurement
        fields = ["measured_on", "value", "note"]

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if indicator.unit:
            self.fields["value"].help_text = _("In %(unit)s.") % {"unit": indicator.unit}

    def clean_measured_on(self):
        day = self.cleaned_data["measured_on"]
        taken = IndicatorMeasurement.objects.filter(indicator=self.indicator, measured_on=day)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(duplicate_date_message(day), code="unique")
        return day


def duplicate_date_message(day) -> str:
    return _(
        "This indicator already has a measurement on %(date)s. Edit that one instead, or choose another date."
    ) % {"date": format_date(day)}
