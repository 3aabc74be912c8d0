"""The spam defences a form carries: a honeypot field people never see and a signed time stamp
of when the form was shown, so a post sent faster than a person can type is recognised."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from ..text.render import clean_text

SALT = "qa_board.form-started"
# A token older than this is not trusted (a replayed one): the post is held, not refused.
MAX_TOKEN_AGE = 2 * 24 * 3600


def started_token(at: float | None = None) -> str:
    """A signed "the form was shown at" value (tests pass `at` to pretend the form is older)."""
    return signing.dumps(time.time() if at is None else at, salt=SALT)


def seconds_since(token: str) -> float | None:
    """How long ago the form with this token was shown; None when the token is missing or forged."""
    try:
        shown_at = float(signing.loads(token or "", salt=SALT, max_age=MAX_TOKEN_AGE))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return time.time() - shown_at


class PostTextField(forms.CharField):
    """Text as typed, less the control characters no one types on purpose (qa_board.text.render's
    list: bidi overrides, C0/C1 controls), removed before validation. A NUL is the exception: as
    in every form of the portal, Django's validator refuses it with a Thai message next to the
    field, and the rest of the text comes back in the form."""

    def to_python(self, value):
        value = super().to_python(value)
        return value if "\x00" in value else clean_text(value)


class AntiSpamFormMixin(forms.Form):
    # Named like a field a bot fills; hidden from people by CSS (.qa-hp) and from screen readers.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = started_token()

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    @property
    def seconds_taken(self) -> float | None:
        return seconds_since(self.cleaned_data.get("started", ""))
