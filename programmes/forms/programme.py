"""The programme editor: its text and its lists of indicators, approaches and outcomes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chsd_portal.formsets import inline_formset

from ..models import Approach, Indicator, Outcome, Programme


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "summary", "objective", "goal_quantitative", "goal_qualitative"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "objective": forms.Textarea(attrs={"rows": 5}),
            "goal_quantitative": forms.Textarea(attrs={"rows": 3}),
            "goal_qualitative": forms.Textarea(attrs={"rows": 3}),
        }


class OutcomeNumberField(forms.CharField):
    """Takes "2.3" as typed by staff and gives the stored path [2, 3]."""

    default_error_messages = {
        "invalid": _("Enter a number such as 1 or 2.3 (whole numbers from 1, separated by dots)."),
    }

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ".".join(str(part) for part in value)
        return value

    def to_python(self, value):
        value = super().to_python(value).strip().rstrip(".")
        if not value:
            return None
        parts = value.split(".")
        if not all(part.isdigit() and int(part) >= 1 for part in parts) or len(parts) > 4:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return [int(part) for part in parts]


class OutcomeForm(forms.ModelForm):
    path = OutcomeNumberField(label=_("number"), max_length=20)

    class Meta:
        model = Outcome
        fields = ["path", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


# Rows one page may save: far above any real programme (the demo has 3 indicators, 5 approaches
# and 19 outcomes), far below what keeps a worker busy.
MAX_ROWS = 100
MAX_OUTCOMES = 200


def _inline(model, fields, form=forms.ModelForm, rows=2):
    return inline_formset(
        Programme,
        model,
        max_rows=MAX_ROWS,
        form=form,
        fields=fields,
        extra=1,
        can_delete=True,
        widgets={field: forms.Textarea(attrs={"rows": rows}) for field in fields if field != "position"},
    )


IndicatorFormSet = _inline(Indicator, ["position", "description"])
ApproachFormSet = _inline(Approach, ["position", "text"])
OutcomeFormSet = inline_formset(
    Programme, Outcome, max_rows=MAX_OUTCOMES, form=OutcomeForm, extra=1, can_delete=True
)
