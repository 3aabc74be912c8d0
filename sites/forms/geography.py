"""Province → district → sub-district selects that stay consistent, for any app's forms.

Give a form `province`, `district` and (optionally) `subdistrict` ModelChoiceFields, a ModelForm's
foreign keys being the usual case, and mix in `GeoChoiceMixin` (or call `setup_geo_fields` from
the form's `__init__`):

    class ProjectLocationForm(GeoChoiceMixin, forms.ModelForm):
        class Meta:
            model = ProjectLocation
            fields = ["province", "district", "subdistrict", "area_type"]

Then:

- Bound data narrows each lower list to the chosen parent, so a district of another province
  is refused with "อำเภอนี้ไม่อยู่ในจังหวัดที่เลือก" (and a sub-district likewise).
- An unbound form lists only the children of the initial (instance's) parent; with no parent the
  lower list is empty and its first option says which list to pick first. Pages stay small (the
  full lists are 928 districts and 7,436 sub-districts). Without JavaScript a person picks the
  province and submits: the form comes back with that province's districts, and so on.
- Each select carries the attributes `static/js/geo-select.js` reads (include it on the page, or
  render `{{ form.media }}`):

  - `data-geo-level`: `province`, `district` or `subdistrict`;
  - `data-geo-group`: the form's prefix, so the selects of one formset row find each other;
  - `data-geo-url` (district, sub-district): the JSON endpoint of its options, called with
    `?province=<id>` / `?district=<id>`;
  - `data-geo-parent-value`: the parent id the server rendered the options for;
  - `data-geo-required`: present when the field is required (the `required` attribute is left
    off while the list is empty, so a browser without JavaScript can still submit the parent);
  - `data-geo-empty-label`, `data-geo-hint`, `data-geo-error`: the texts of the first option
    once a parent is chosen, while none is, and when the list could not be loaded.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

GEO_LEVELS = ("province", "district", "subdistrict")

_URL_NAMES = {"district": "sites:districts", "subdistrict": "sites:subdistricts"}
_HINTS = {
    "district": _("Choose the province first"),
    "subdistrict": _("Choose the district first"),
}
_NOT_IN_PARENT = {
    "district": _("This district is not in the chosen province."),
    "subdistrict": _("This sub-district is not in the chosen district."),
}
_LOAD_ERROR = _("The list could not be loaded; please choose again.")


def setup_geo_fields(
    form: forms.BaseForm,
    *,
    province: str | None = "province",
    district: str | None = "district",
    subdistrict: str | None = "subdistrict",
) -> None:
    """Narrow the geography fields of `form` and mark their widgets for geo-select.js.

    The arguments name the form's fields for each level (None, or a name the form lacks, skips
    the level); levels must run from the top without gaps: province, or province and district,
    or all three. Call it after the form's own `__init__`.
    """
    names = {"province": province, "district": district, "subdistrict": subdistrict}
    chain = [(level, names[level]) for level in GEO_LEVELS if names[level] and names[level] in form.fields]
    if [level for level, _name in chain] != list(GEO_LEVELS[: len(chain)]):
        raise ImproperlyConfigured(
            f"{type(form).__name__}: geography fields must run province → district → sub-district "
            f"without gaps, found {[level for level, _name in chain]}"
        )
    group = form.prefix or ""
    parent_level = parent_name = None
    for level, name in chain:
        field = form.fields[name]
        by_primary_key = isinstance(field, forms.ModelChoiceField) and field.to_field_name in (
            None,
            field.queryset.model._meta.pk.name,
        )
        if not by_primary_key:
            raise ImproperlyConfigured(
                f"{type(form).__name__}.{name} must be a ModelChoiceField choosing by primary key"
            )
        attrs = {"data-geo-level": level, "data-geo-group": group}
        if parent_level is not None:
            parent_id = _chosen_id(form, parent_name)
            hint = _HINTS[level]
            attrs.update(
                {
                    "data-geo-url": reverse(_URL_NAMES[level]),
                    "data-geo-parent-value": "" if parent_id is None else str(parent_id),
                    "data-geo-empty-label": field.empty_label or "---------",
                    "data-geo-hint": hint,
                    "data-geo-error": _LOAD_ERROR,
                }
            )
            if field.required:
                attrs["data-geo-required"] = "true"
            if parent_id is None:
                field.queryset = field.queryset.none()
                field.empty_label = hint
                field.error_messages["invalid_choice"] = hint
                # A `required` select with nothing to choose would stop a browser without
                # JavaScript from submitting the parent it needs; the server still insists.
                field.widget.use_required_attribute = _never
            else:
                field.queryset = field.queryset.filter(**{f"{parent_level}_id": parent_id})
                field.error_messages["invalid_choice"] = _NOT_IN_PARENT[level]
        field.widget.attrs.update(attrs)
        parent_level, parent_name = level, name


def _never(initial) -> bool:
    return False


def _chosen_id(form: forms.BaseForm, name: str) -> int | None:
    """The parent's id as submitted (bound form) or as initially shown (unbound form)."""
    field = form.fields[name]
    if form.is_bound and not field.disabled:
        value = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    else:
        value = form.get_initial_for_field(field, name)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and 0 < len(value) <= 18:
        return int(value)
    return None


class GeoChoiceMixin:
    """Mix into a Form or ModelForm (before it) whose fields are named province/district/subdistrict.

    Override `geo_fields` to map the levels to other field names, e.g.
    `{"province": "home_province", "district": "home_district", "subdistrict": None}`.
    """

    geo_fields: dict[str, str | None] = {
        "province": "province",
        "district": "district",
        "subdistrict": "subdistrict",
    }

    class Media:
        js = [forms.Script("js/geo-select.js", defer=True)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        setup_geo_fields(self, **self.geo_fields)
