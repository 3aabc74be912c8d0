"""The project list's filter form: a GET form whose choices come from the selector, so that
validating a value costs no query of its own."""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ..models import Project
from ..selectors.project_list import DEFAULT_SORT, SORT_LABELS, SORTS, FilterChoices, ProjectFilters

ALL = [("", _("All"))]


class QuickSelect(forms.Select):
    """A <select> written in Python: Django renders each option through a template, which on
    a list of a hundred organisations costs more than the rest of the page. Flat choices only."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if str(key) in chosen else ""}>{escape(label)}</option>'
            for key, label in self.choices
        )
        attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), mark_safe(options))


def _label(field_name: str):
    return Project._meta.get_field(field_name).verbose_name


class ProjectFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A project code, or any part of a project's name."),
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("e.g. 60-ข-087 or สร้างเสริมสุขภาพ"),
                "autocomplete": "off",
            }
        ),
    )
    programme = forms.TypedChoiceField(
        label=_label("programme"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=QuickSelect(attrs={"class": "form-select"}),
    )
    organisation = forms.ChoiceField(
        label=_label("organisation"), required=False, widget=QuickSelect(attrs={"class": "form-select"})
    )
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Projects whose dates touch any day of that fiscal year (1 Oct – 30 Sep)."),
        widget=QuickSelect(attrs={"class": "form-select"}),
    )
    province = forms.TypedChoiceField(
        label=_("province"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=QuickSelect(attrs={"class": "form-select"}),
    )
    status = forms.ChoiceField(
        label=_label("status"),
        required=False,
        choices=ALL + list(Project.Status.choices),
        widget=QuickSelect(attrs={"class": "form-select"}),
    )
    has_warnings = forms.BooleanField(
        label=_("Has warnings"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        widget=QuickSelect(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, choices: FilterChoices, show_status: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = ALL + choices.programmes
        self.fields["organisation"].choices = ALL + [(name, name) for name in choices.organisations]
        self.fields["fiscal_year"].choices = ALL + [(year, str(year)) for year in choices.fiscal_years]
        self.fields["province"].choices = ALL + choices.provinces
        self.fields["sort"].choices = SORT_LABELS
        if not show_status:
            del self.fields["status"]

    def filters(self) -> ProjectFilters:
        """The valid values (an unknown value narrows nothing; the form shows its error)."""
        self.is_valid()
        data = self.cleaned_data
        sort = data.get("sort") or DEFAULT_SORT
        return ProjectFilters(
            q=" ".join((data.get("q") or "").split()),
            programme=data.get("programme"),
            organisation=data.get("organisation") or "",
            fiscal_year=data.get("fiscal_year"),
            province=data.get("province"),
            status=data.get("status") or "",
            has_warnings=bool(data.get("has_warnings")),
            sort=sort if sort in SORTS else DEFAULT_SORT,
        )
