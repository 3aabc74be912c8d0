"""The staff's site editor: the tambon by chained selects, story, place on the map, mentors."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chsd_portal import roles

from ..models import District, Province, Site
from .geography import GeoChoiceMixin


def mentor_choices():
    """Everyone holding the mentor role, by name."""
    return (
        get_user_model()
        .objects.filter(groups__name=roles.MENTOR, is_active=True)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


class MentorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class SiteForm(GeoChoiceMixin, forms.ModelForm):
    province = forms.ModelChoiceField(Province.objects.all(), label=_("province"))
    district = forms.ModelChoiceField(District.objects.all(), label=_("district"))
    mentors = MentorChoiceField(
        queryset=None, required=False, label=_("mentors"), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Site
        fields = [
            "province",
            "district",
            "subdistrict",
            "status",
            "story",
            "latitude",
            "longitude",
            "mentors",
        ]
        widgets = {"story": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "latitude": _("Leave both empty to use the sub-district's centroid."),
        }

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk:
            district = instance.subdistrict.district
            kwargs.setdefault("initial", {}).update(
                {"province": district.province_id, "district": district.pk}
            )
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = mentor_choices()
        self.fields["subdistrict"].label = _("sub-district")
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "step": "any"})

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (
            (latitude is None) != (longitude is None)
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            raise ValidationError(_("Give both the latitude and the longitude, or leave both empty."))
        for name, (low, high) in (("latitude", (5, 21)), ("longitude", (97, 106))):
            value = cleaned.get(name)
            if value is not None and not low <= value <= high:
                self.add_error(name, _("This point is outside Thailand."))
        return cleaned

    def validate_unique(self):
        try:
            self.instance.validate_unique(exclude=self._get_validation_exclusions())
        except ValidationError:
            self.add_error("subdistrict", _("This sub-district is already a site."))


class SiteFilterForm(forms.Form):
    """The overview's filters; every field optional, a bad value is ignored."""

    province = forms.ModelChoiceField(Province.objects.none(), required=False, label=_("province"))
    mentor = MentorChoiceField(queryset=None, required=False, label=_("mentor"))
    status = forms.ChoiceField(required=False, label=_("status"))

    def __init__(self, *args, provinces, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["province"].empty_label = _("All provinces")
        self.fields["mentor"] = forms.ModelChoiceField(
            queryset=mentors, required=False, label=_("mentor"), empty_label=_("All mentors")
        )
        self.fields["mentor"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
        self.fields["status"].choices = [("", _("All statuses")), *Site.Status.choices]
