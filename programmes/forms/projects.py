"""The one-page project editor: the project form and the inline formsets of its lists.

Every rule the database enforces is also checked here, in Python and with a Thai message next to
the field, so the database constraints are the last guard rather than the first.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator, construct_instance
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from chsd_portal import roles
from chsd_portal.forms import ThaiDateField
from chsd_portal.formsets import inline_formset
from chsd_portal.thai import format_date_numeric
from sites.forms.geography import GeoChoiceMixin
from sites.models import District, Province, Subdistrict

from ..models import (
    BudgetPeriod,
    ProblemSituation,
    Programme,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)

NOT_NEGATIVE = _("Enter 0 or more.")
# /projects/<code>/ would clash with these pages (programmes/urls/projects.py).
RESERVED_CODES = {"new", "export"}


class PythonChecksOnlyMixin:
    """Skip Django's per-row database checks of model constraints (a query per constraint per row,
    so a page with many rows would cost many queries): the forms check the same rules in Python
    with Thai messages, and the database still enforces them when saving."""

    def _post_clean(self):
        exclude = self._get_validation_exclusions()
        for name, field in self.fields.items():
            if isinstance(field, forms.models.InlineForeignKeyField):
                exclude.add(name)
        try:
            self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)
        except ValidationError as error:
            self._update_errors(error)
        try:
            self.instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            self._update_errors(error)
        if self._validate_unique:
            self.validate_unique()


class MentorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ProjectForm(PythonChecksOnlyMixin, forms.ModelForm):
    """Every field of the project page (seed 001), the status too."""

    approved_on = ThaiDateField(label=_("approval date"), required=False)
    start_date = ThaiDateField(label=_("project start"))
    end_date = ThaiDateField(label=_("project end"))
    budget = forms.DecimalField(
        label=_("budget"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        error_messages={"min_value": NOT_NEGATIVE},
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    # The version the editor was opened at; a save carrying an older one is refused (no lost update).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Project
        fields = [
            "name",
            "programme",
            "organisation",
            "code",
            "approved_on",
            "start_date",
            "end_date",
            "funding_source",
            "budget",
            "responsible_organisation",
            "lead_name",
            "lead_phone",
            "lead_email",
            "mentor",
            "area",
            "latitude",
            "longitude",
            "rationale",
            "status",
        ]
        field_classes = {"mentor": MentorChoiceField}
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "rationale": forms.Textarea(attrs={"rows": 10}),
            "latitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001", "inputmode": "decimal"}),
        }
        error_messages = {
            "code": {"unique": _("Another project already has this code. Each project needs its own code.")},
        }
        help_texts = {
            "latitude": _("Optional; give both latitude and longitude, e.g. 12.611 and 102.104."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("-on_home_page", "name")
        self.fields["mentor"].queryset = (
            get_user_model()
            .objects.filter(groups__name=roles.MENTOR, is_active=True)
            .order_by("first_name", "last_name", "username")
        )
        self.fields["mentor"].help_text = _("Only users with the mentor role are listed.")
        self.fields["version"].initial = self.instance.version

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if "/" in code:
            raise ValidationError(_("A project code cannot contain “/”; use dashes, e.g. 60-ข-087."))
        if code.lower() in RESERVED_CODES:
            raise ValidationError(_("This code is the address of a page of the portal; choose another code."))
        return code

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The project cannot end before it starts: check both dates."))
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(missing, _("Give both latitude and longitude, or leave both empty."))
        if latitude is not None and not Decimal(-90) <= latitude <= Decimal(90):
            self.add_error("latitude", _("Latitude is between -90 and 90 (Thailand: about 5.6 to 20.5)."))
        if longitude is not None and not Decimal(-180) <= longitude <= Decimal(180):
            self.add_error(
                "longitude", _("Longitude is between -180 and 180 (Thailand: about 97.3 to 105.7).")
            )
        return cleaned


def _col(css: str, widget=None, **attrs):
    """A widget carrying the grid column class that templates/includes/formset.html reads: a
    Python attribute, not an HTML one (an unknown attribute is invalid HTML)."""
    widget = (widget or forms.TextInput)(attrs=attrs)
    widget.column_class = css
    return widget


class BudgetPeriodForm(PythonChecksOnlyMixin, forms.ModelForm):
    number = forms.IntegerField(
        label=_("period"),
        min_value=1,
        max_value=999,
        widget=_col("col-md-1", forms.NumberInput),
        error_messages={"min_value": _("Number periods from 1.")},
    )
    start_date = ThaiDateField(label=_("period from"), widget=_col("col-md-2", ThaiDateField.widget))
    end_date = ThaiDateField(label=_("period to"), widget=_col("col-md-2", ThaiDateField.widget))
    report_start = ThaiDateField(
        label=_("report from"), required=False, widget=_col("col-md-2", ThaiDateField.widget)
    )
    report_end = ThaiDateField(
        label=_("report to"), required=False, widget=_col("col-md-2", ThaiDateField.widget)
    )
    amount = forms.DecimalField(
        label=_("budget (baht)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        initial=0,
        error_messages={"min_value": NOT_NEGATIVE},
        widget=_col("col-md-2", forms.NumberInput, step="0.01", inputmode="decimal"),
    )

    class Meta:
        model = BudgetPeriod
        fields = ["number", "start_date", "end_date", "report_start", "report_end", "amount"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("A period cannot end before it starts: check both dates."))
        report_start, report_end = cleaned.get("report_start"), cleaned.get("report_end")
        if report_start and report_end and report_end < report_start:
            self.add_error(
                "report_end", _("The report window cannot end before it starts: check both dates.")
            )
        return cleaned


class BaseBudgetPeriodFormSet(forms.BaseInlineFormSet):
    def validate_unique(self):
        """Period numbers are checked in clean() with a message that names the number."""

    def clean(self):
        super().clean()
        rows_by_number: dict[int, list] = {}
        for form in self.forms:
            if (
                not form.is_valid()
                or self._should_delete_form(form)
                or not form.has_changed()
                and not form.instance.pk
            ):
                continue
            number = form.cleaned_data.get("number")
            if number is not None:
                rows_by_number.setdefault(number, []).append(form)
        duplicates = sorted(number for number, rows in rows_by_number.items() if len(rows) > 1)
        for number in duplicates:
            for form in rows_by_number[number]:
                form.add_error("number", _("Another row has the same period number."))
        if duplicates:
            raise ValidationError(
                _(
                    "Each period needs its own number: %(numbers)s is used more than once. Renumber the periods."
                )
                % {"numbers": ", ".join(str(n) for n in duplicates)},
                code="duplicate_number",
            )


class ProblemSituationForm(PythonChecksOnlyMixin, forms.ModelForm):
    class Meta:
        model = ProblemSituation
        fields = ["position", "description", "size"]
        widgets = {
            "position": _col("col-md-1", forms.NumberInput, min="1"),
            "description": _col("col-md-8", forms.Textarea, rows="2"),
            "size": _col("col-md-2"),
        }


class ProjectObjectiveForm(PythonChecksOnlyMixin, forms.ModelForm):
    class Meta:
        model = ProjectObjective
        fields = ["position", "objective", "indicators", "problem_size", "target_one_year"]
        widgets = {
            "position": _col("col-md-1", forms.NumberInput, min="1"),
            "objective": _col("col-md-3", forms.Textarea, rows="3"),
            "indicators": _col("col-md-3", forms.Textarea, rows="3"),
            "problem_size": _col("col-md-2"),
            "target_one_year": _col("col-md-2"),
        }
        help_texts = {"indicators": _("One indicator a line.")}


class TargetGroupForm(PythonChecksOnlyMixin, forms.ModelForm):
    class Meta:
        model = TargetGroup
        fields = ["name", "planned", "actual"]
        widgets = {
            "name": _col("col-md-6"),
            "planned": _col("col-md-2", forms.NumberInput, min="0"),
            "actual": _col("col-md-2", forms.NumberInput, min="0"),
        }
        error_messages = {
            "planned": {"min_value": NOT_NEGATIVE},
            "actual": {"min_value": NOT_NEGATIVE},
        }


class ProjectLocationForm(GeoChoiceMixin, PythonChecksOnlyMixin, forms.ModelForm):
    """Province, district and sub-district as chained selects (sites.forms.geography.GeoChoiceMixin)."""

    # Declared rather than generated, so they choose by primary key as GeoChoiceMixin expects.
    province = forms.ModelChoiceField(Province.objects.all(), label=_("province"))
    district = forms.ModelChoiceField(District.objects.all(), label=_("district"), required=False)
    subdistrict = forms.ModelChoiceField(Subdistrict.objects.all(), label=_("sub-district"), required=False)

    class Meta:
        model = ProjectLocation
        fields = ["province", "district", "subdistrict", "area_type"]
        widgets = {"area_type": _col("col-md-3", forms.Select)}


class BaseProjectLocationFormSet(forms.BaseInlineFormSet):
    """Renders every row's selects from three queries in all, however many rows there are:
    the province list once, and the districts and sub-districts of all rows' choices at once."""

    @cached_property
    def forms(self):
        rows = super().forms
        self._share_geo_choices(rows)
        return rows

    @cached_property
    def empty_form(self):
        form = super().empty_form
        self._share_geo_choices([form])
        return form

    @cached_property
    def _province_choices(self):
        field = self.form.base_fields["province"]
        return list(iter(ModelChoiceIterator(field)))  # iter(): no COUNT query for a length hint

    def _share_geo_choices(self, rows) -> None:
        if not rows:
            return
        levels = (("district", District, "province_id"), ("subdistrict", Subdistrict, "district_id"))
        for form in rows:
            form.fields["province"].choices = self._province_choices
        for level, model, parent_attname in levels:
            # GeoChoiceMixin put on each select the parent id it narrowed the options to.
            parent_ids = [_parent_id(form.fields[level]) for form in rows]
            children: dict[int, list] = {}
            if wanted := set(parent_ids) - {None}:
                for child in model.objects.filter(**{f"{parent_attname}__in": wanted}):
                    children.setdefault(getattr(child, parent_attname), []).append(child)
            for form, parent_id in zip(rows, parent_ids, strict=True):
                field = form.fields[level]
                iterator = ModelChoiceIterator(field)
                options = children.get(parent_id, [])
                field.choices = [("", field.empty_label)] + [iterator.choice(child) for child in options]


def _parent_id(field) -> int | None:
    value = field.widget.attrs.get("data-geo-parent-value") or ""
    return int(value) if value.isdigit() else None


# Rows one project may save in each list: far above any real project (seed 001 has 3 periods),
# far below what keeps a worker busy.
MAX_ROWS = 100


def _inline(model, form, formset=forms.BaseInlineFormSet):
    return inline_formset(
        Project, model, max_rows=MAX_ROWS, form=form, formset=formset, extra=1, can_delete=True
    )


BudgetPeriodFormSet = _inline(BudgetPeriod, BudgetPeriodForm, BaseBudgetPeriodFormSet)
ProblemSituationFormSet = _inline(ProblemSituation, ProblemSituationForm)
ProjectObjectiveFormSet = _inline(ProjectObjective, ProjectObjectiveForm)
TargetGroupFormSet = _inline(TargetGroup, TargetGroupForm)
ProjectLocationFormSet = _inline(ProjectLocation, ProjectLocationForm, BaseProjectLocationFormSet)

# The editor's lists, in the order the project page shows them; the keys are the form prefixes.
PROJECT_FORMSETS = {
    "locations": ProjectLocationFormSet,
    "periods": BudgetPeriodFormSet,
    "problems": ProblemSituationFormSet,
    "objectives": ProjectObjectiveFormSet,
    "target_groups": TargetGroupFormSet,
}


def periods_data_with_quarters(data, *, prefix: str, quarters, initial: int, total: int) -> dict:
    """POST data for the periods formset with every stored period marked for deletion, the new
    rows typed so far dropped, and one new row per quarter (the fiscal-quarter fill). `initial`
    and `total` are the row counts of the validated management form."""
    data = data.copy()
    for index in range(initial):
        data[f"{prefix}-{index}-DELETE"] = "on"
    for index in range(initial, total):
        for key in [k for k in data if k.startswith(f"{prefix}-{index}-")]:
            del data[key]
    for offset, quarter in enumerate(quarters):
        row = f"{prefix}-{initial + offset}-"
        data[row + "number"] = str(quarter.number)
        data[row + "start_date"] = data[row + "report_start"] = format_date_numeric(quarter.start_date)
        data[row + "end_date"] = data[row + "report_end"] = format_date_numeric(quarter.end_date)
        data[row + "amount"] = f"{quarter.amount:.2f}"
    data[f"{prefix}-TOTAL_FORMS"] = str(initial + len(quarters))
    return data


class FiscalYearField(forms.IntegerField):
    default_error_messages = {
        "invalid": _("Enter the fiscal year in the Buddhist Era, e.g. 2561."),
        "min_value": _("Enter the fiscal year in the Buddhist Era, e.g. 2561."),
        "max_value": _("Enter the fiscal year in the Buddhist Era, e.g. 2561."),
        "required": _("Enter the fiscal year in the Buddhist Era, e.g. 2561."),
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=2400, max_value=2800, **kwargs)
