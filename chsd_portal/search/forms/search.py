from django import forms
from django.utils.translation import gettext_lazy as _

from ..registry import sources

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    """The query and the kind filter; GET, so a bad value just means "all kinds"."""

    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False, strip=True)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *((s.kind, s.label) for s in sources())]
