"""The ask form (ตั้งกระทู้ถาม): visitors leave a display name and, if they wish, an e-mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sites.models import Subdistrict

from ..models import Topic
from .antispam import AntiSpamFormMixin, PostTextField


class SubdistrictCodeField(forms.CharField):
    """A sub-district by its six-digit code (the datalist on the page offers the names)."""

    default_error_messages = {
        "unknown": _(
            "Choose a sub-district from the list, or type its six-digit code (several share a name), "
            "or leave it empty."
        )
    }

    def __init__(self, **kwargs):
        super().__init__(max_length=120, required=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        first = value.strip().split(" ", 1)[0]
        places = Subdistrict.objects.select_related("district__province")
        if first.isdigit():
            found = list(places.filter(code=first)[:1])
        else:
            # A name alone is enough when only one sub-district in the country bears it.
            found = list(places.filter(name_th=value.strip().removeprefix("ต.").strip())[:2])
        if len(found) != 1:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return found[0]


class QuestionForm(AntiSpamFormMixin, forms.Form):
    title = PostTextField(label=_("Title"), max_length=200, min_length=5)
    body = PostTextField(
        label=_("Your question"),
        max_length=10000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text; web addresses become links. Phone and ID numbers are hidden from the public."
        ),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("(not specified)")
    )
    subdistrict = SubdistrictCodeField(
        label=_("Sub-district (tambon)"),
        help_text=_("Optional: type the sub-district's name or code, e.g. เกาะขวาง or 220104."),
    )
    display_name = PostTextField(label=_("Your name (shown with the question)"), max_length=100)
    email = forms.EmailField(
        label=_("E-mail for a reply notice"),
        required=False,
        help_text=_("Optional. Only the programme staff see it."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdistrict"].widget.attrs["list"] = "qa-subdistricts"
        if user is not None and user.is_authenticated:
            # A member asks as themselves and is told by e-mail at their account's address.
            del self.fields["display_name"]
            del self.fields["email"]
