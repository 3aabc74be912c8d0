"""The upload form: many photos at once (a multiple file input; the page's script adds drag and
drop and sends them one by one). Each file is checked on its own by services/ingest.py, so one
bad file never stops the others."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    photos = forms.FileField(
        label=_("Photos"),
        widget=MultiplePhotoInput(attrs={"accept": ACCEPT}),
        help_text=_("JPEG, PNG or WebP (HEIC from phones too); choose many at once."),
        error_messages={"required": _("Choose at least one photo.")},
    )

    def clean_photos(self):
        files = [f for f in self.files.getlist(self.add_prefix("photos")) if f]
        if not files:
            raise forms.ValidationError(self.fields["photos"].error_messages["required"], code="required")
        return files
