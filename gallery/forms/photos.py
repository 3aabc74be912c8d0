"""The arrange page: each photo's caption, its place in the order, whether to delete it, and
which photo is the cover; saved together (services/albums.py: photos_arrange)."""

from __future__ import annotations

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from ..models import Photo


class PhotoRowForm(forms.ModelForm):
    position = forms.IntegerField(label=_("order"), min_value=1, max_value=100_000)

    class Meta:
        model = Photo
        fields = ["caption", "position"]


PhotoFormSet = modelformset_factory(Photo, form=PhotoRowForm, extra=0, can_delete=True, max_num=2000)


class CoverForm(forms.Form):
    cover = forms.ModelChoiceField(
        queryset=Photo.objects.none(), required=False, widget=forms.RadioSelect, label=_("cover photo")
    )

    def __init__(self, *args, photos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cover"].queryset = photos
