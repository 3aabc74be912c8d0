"""The capacity-report editor: the report's texts, its key organisations (a row each: type, name,
role; capped) and, per component, a score with the rubric's wording beside each level and a
narrative."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from chsd_portal.forms import ThaiDateField
from chsd_portal.formsets import inline_formset

from ..models import CapacityReport, KeyOrganisation

# More key organisations than this is a mistake or an attack, not a tambon.
MAX_KEY_ORGANISATIONS = 30


class CapacityReportForm(forms.ModelForm):
    report_date = ThaiDateField(label=_("report date"))

    class Meta:
        model = CapacityReport
        fields = ["report_date", "social_capital", "strengths", "gaps", "plan"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("social_capital", "strengths", "gaps", "plan")
        }


class KeyOrganisationForm(forms.ModelForm):
    class Meta:
        model = KeyOrganisation
        fields = ["kind", "name", "role"]
        widgets = {"role": forms.Textarea(attrs={"rows": 2})}


KeyOrganisationFormSet = inline_formset(
    CapacityReport,
    KeyOrganisation,
    form=KeyOrganisationForm,
    extra=1,
    can_delete=True,
    max_rows=MAX_KEY_ORGANISATIONS,
)


class ComponentScoreForm(forms.Form):
    """One component's score (radio buttons labelled with the rubric) and narrative."""

    score = forms.TypedChoiceField(
        label=_("score"), coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
    )
    narrative = forms.CharField(
        label=_("narrative"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, component, **kwargs):
        super().__init__(*args, **kwargs)
        self.component = component
        self.fields["score"].choices = [(level, f"{level} – {text}") for level, text in component.rubric()]


def score_forms(*, components, report: CapacityReport | None, data=None) -> list[ComponentScoreForm]:
    """A score form per component, filled from the report's stored scores."""
    stored = {score.component_id: score for score in report.scores.all()} if report and report.pk else {}
    forms_ = []
    for component in components:
        score = stored.get(component.pk)
        initial = {"score": score.score, "narrative": score.narrative} if score else {}
        forms_.append(
            ComponentScoreForm(
                data=data, prefix=f"component-{component.pk}", component=component, initial=initial
            )
        )
    return forms_


def require_every_score(score_forms_: list[ComponentScoreForm]) -> bool:
    """To submit, every component needs a score; marks each missing one. True when all are given."""
    complete = True
    for form in score_forms_:
        if form.is_valid() and form.cleaned_data.get("score") is None:
            form.add_error("score", _("Choose a score from 1 to 5 to submit the report."))
            complete = False
    return complete
