"""The moderators' forms: an action on a post and blocking an account, each with a reason."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (kept in the log)"),
        required=False,
        max_length=500,
        widget=forms.TextInput(),
    )


class BlockForm(forms.Form):
    reason = forms.CharField(label=_("Why block this account"), max_length=500)


class DeleteForm(forms.Form):
    """The second step of deleting a post: the moderator confirms and says why (the log keeps it)."""

    reason = forms.CharField(label=_("Why delete it (kept in the log)"), max_length=500)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
