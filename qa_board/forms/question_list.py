"""The list's filters: search, topic, sub-district and which questions (newest or unanswered)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..selectors.question_list import ListFilters

SHOW_CHOICES = [("", _("Newest")), ("unanswered", _("Awaiting answer")), ("answered", _("Answered"))]


class QuestionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    tambon = forms.CharField(label=_("Sub-district"), required=False, max_length=120)
    show = forms.ChoiceField(label=_("Show"), required=False, choices=SHOW_CHOICES)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [(t.slug, t.name) for t in topics]

    def filters(self) -> ListFilters:
        if not self.is_valid():
            return ListFilters()
        data = self.cleaned_data
        return ListFilters(
            q=" ".join(data["q"].replace("\x00", "").split()),
            topic=data["topic"],
            tambon=" ".join(data["tambon"].replace("\x00", "").split()),
            show=data["show"],
        )
