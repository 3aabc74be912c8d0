"""The workshop editor: the workshop itself, the attendance register (a count per organisation
type; the total is summed, never typed) and optional named participants."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from chsd_portal.forms import ThaiDateField

from ..files import detect_kind
from ..models import OrganisationType, Participant, Workshop, WorkshopAttachment

# A register longer than this is a mistake or an attack, not a workshop.
MAX_PARTICIPANT_ROWS = 300
MAX_COUNT = 5000


class MentorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.get_username()


MAX_FILES_PER_SAVE = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each must be a real PDF, DOCX or XLSX under the size limit."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_FILES_PER_SAVE:
            raise ValidationError(
                _("Attach at most %(count)s files at a time.") % {"count": MAX_FILES_PER_SAVE}
            )
        cleaned = []
        for upload in files:
            upload = super().clean(upload, initial)
            if upload.size > settings.WORKSHOP_ATTACHMENT_MAX_BYTES:
                raise ValidationError(
                    _("%(name)s is larger than %(limit)s.")
                    % {"name": upload.name, "limit": filesizeformat(settings.WORKSHOP_ATTACHMENT_MAX_BYTES)}
                )
            kind = detect_kind(upload)
            if kind is None:
                raise ValidationError(
                    _("%(name)s is not a PDF, DOCX or XLSX file (checked from its content).")
                    % {"name": upload.name}
                )
            upload.detected_kind = kind
            cleaned.append(upload)
        return cleaned


class WorkshopForm(forms.ModelForm):
    new_attachments = AttachmentsField(
        label=_("attach files"), required=False, help_text=_("PDF, DOCX or XLSX only.")
    )
    remove_attachments = forms.ModelMultipleChoiceField(
        queryset=WorkshopAttachment.objects.none(),
        required=False,
        label=_("remove attached files"),
        widget=forms.CheckboxSelectMultiple,
    )

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
        if self.instance.pk:
            self.fields["remove_attachments"].queryset = self.instance.attachments.all()
        else:
            del self.fields["remove_attachments"]
        self.fields["new_attachments"].widget.attrs["accept"] = (
            ".pdf,.docx,.xlsx,application/pdf,"
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

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
