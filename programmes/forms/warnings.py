"""The budget review's forms: the GET filters of the list and the note of a review."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import WarningReview
from ..selectors.warning_review import DEFAULT_SORT, SORTS, ReviewFilters, Status

SORT_LABELS = {
    "-difference": _("Largest difference first"),
    "difference": _("Smallest difference first"),
    "code": _("Project code (A–Z)"),
    "-code": _("Project code (Z–A)"),
    "name": _("Project name (A–Z)"),
    "-name": _("Project name (Z–A)"),
}


class ReviewFilterForm(forms.Form):
    """The GET filters; a value that does not validate falls back to its default."""

    q = forms.CharField(
        label=_("Search by project code or name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "class": "form-control", "placeholder": _("e.g. 60-ข-087")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("warning"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    status = forms.ChoiceField(
        label=_("status"),
        required=False,
        choices=Status.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    # Any programme id is accepted (one that does not exist lists nothing); the select offers
    # the programmes the page read (`set_programmes`).
    programme = forms.IntegerField(
        label=_("under plan"),
        required=False,
        min_value=1,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=list(SORT_LABELS.items()),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "review-%s")
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *WarningReview.Kind.choices]
        self.fields["programme"].widget.choices = [("", _("All"))]

    def set_programmes(self, programmes: list[tuple[int, str]]) -> None:
        self.fields["programme"].widget.choices = [("", _("All")), *programmes]

    def filters(self) -> ReviewFilters:
        self.is_valid()  # a bad field drops out of cleaned_data; the others still apply
        data = self.cleaned_data
        return ReviewFilters(
            kind=data.get("kind") or "",
            status=data.get("status") or Status.OPEN,
            programme=data.get("programme") or None,
            q=(data.get("q") or "").strip(),
            sort=data.get("sort") if data.get("sort") in SORTS else DEFAULT_SORT,
        )


class MarkReviewedForm(forms.Form):
    note = forms.CharField(label=_("note"), widget=forms.Textarea, max_length=2000)
    fingerprint = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
