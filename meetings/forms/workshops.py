"""The workshop editor: the workshop itself, the attendance register (a count per organisation
type; the total is summed, never typed) and optional named participants."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from chsd_portal.forms import ThaiDateField

from ..models import OrganisationType, Participant, Workshop

# A register longer than this is a mistake or an attack, not a workshop.
MAX_PARTICIPANT_ROWS = 300
MAX_COUNT = 5000


class MentorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


class WorkshopForm(forms.ModelForm):
    date = ThaiDateField(label=_("date"))
    next_date = ThaiDateField(label=_("next workshop date"), required=False)
    mentors_present = MentorChoiceField(
        queryset=None, required=False, label=_("mentors present"), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Workshop
        fields = [
            "date",
            "place",
            "status",
            "mentors_present",
            "agenda",
            "minutes",
            "outcomes",
            "next_steps",
            "next_date",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("agenda", "minutes", "outcomes", "next_steps")
        }

    def __init__(self, *args, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors_present"].queryset = site.mentors.order_by("first_name", "last_name", "username")

    def clean(self):
        cleaned = super().clean()
        date, next_date = cleaned.get("date"), cleaned.get("next_date")
        if date and next_date and next_date < date:
            self.add_error("next_date", _("The next workshop cannot be before this one."))
        return cleaned


class AttendanceForm(forms.Form):
    """How many took part from each organisation type (blank or 0 for none)."""

    def __init__(self, *args, initial_counts: dict[str, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in OrganisationType.choices:
            self.fields[value] = forms.IntegerField(
                label=label,
                required=False,
                min_value=0,
                max_value=MAX_COUNT,
                initial=(initial_counts or {}).get(value),
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def counts(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value}

    def clean(self):
        cleaned = super().clean()
        if not any(value for value in cleaned.values()):
            raise ValidationError(_("Count the participants of at least one organisation type."))
        return cleaned


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "role", "organisation_type", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})}


ParticipantFormSet = forms.inlineformset_factory(
    Workshop,
    Participant,
    form=ParticipantForm,
    extra=1,
    can_delete=True,
    max_num=MAX_PARTICIPANT_ROWS,
    absolute_max=MAX_PARTICIPANT_ROWS,
    validate_max=True,
)
