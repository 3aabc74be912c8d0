"""The home page (the programme marked for it) and the programme editor (staff)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, UpdateView

from chsd_portal import home_blocks, roles
from chsd_portal.formsets import FormWithFormsetsMixin
from chsd_portal.mixins import StaffRequiredMixin

from ..forms.programme import ApproachFormSet, IndicatorFormSet, OutcomeFormSet, ProgrammeForm
from ..models import Programme
from ..selectors.programme import home_programme


class HomeView(TemplateView):
    template_name = "programmes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = home_programme(with_lists=True)
        context["can_edit"] = roles.is_staff_member(self.request.user)
        context["home_blocks"] = home_blocks.blocks_for(self.request)
        return context


class ProgrammeEditView(StaffRequiredMixin, FormWithFormsetsMixin, UpdateView):
    """Staff edit the programme's text and its lists on one page."""

    model = Programme
    form_class = ProgrammeForm
    template_name = "programmes/programme_form.html"
    formset_classes = {
        "indicators": IndicatorFormSet,
        "approaches": ApproachFormSet,
        "outcomes": OutcomeFormSet,
    }
    success_message = _("Saved.")

    def get_success_url(self):
        if self.object.on_home_page:
            return reverse("programmes:home")
        return reverse("programmes:programme-edit", args=[self.object.pk])
