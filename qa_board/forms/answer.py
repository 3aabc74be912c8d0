"""The answer form under a thread (members, mentors and staff)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .antispam import AntiSpamFormMixin, PostTextField


class AnswerForm(AntiSpamFormMixin, forms.Form):
    body = PostTextField(
        label=_("Your answer"),
        max_length=10000,
        min_length=2,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text; web addresses become links."),
    )
