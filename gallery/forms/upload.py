"""The upload form: many photos at once (a multiple file input; the page's script adds drag and
drop and sends them one by one). Each file is checked on its own by services/ingest.py, so one
bad file never stops the others."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.jpg,.jpeg,.png,.webp,.heic,.heif"


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Many files; each is checked on its own by the ingest (an empty one included), not here."""

    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class UploadForm(forms.Form):
    photos = PhotosField(
        label=_("Photos"),
        widget=MultiplePhotoInput(attrs={"accept": ACCEPT}),
        help_text=_("JPEG, PNG or WebP (HEIC from phones too); choose many at once."),
        error_messages={"required": _("Choose at least one photo.")},
    )
