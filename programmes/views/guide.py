"""The home programme's กรอบแนวทางการดำเนินการ (process, frameworks, summary), its activity plans
(แผนการดำเนินกิจกรรม) and its indicators (ตัวชี้วัด) with progress charts; staff edit them here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.messages.views import SuccessMessageMixin
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DeleteView, FormView, TemplateView, UpdateView

from chsd_portal import roles
from chsd_portal.formsets import FormWithFormsetsMixin
from chsd_portal.mixins import StaffRequiredMixin

from .. import charts
from ..forms.guide import (
    ActivityFormSet,
    FrameworkForm,
    FrameworkSummaryForm,
    IndicatorTargetForm,
    MeasurementForm,
    PlanForm,
    ProcessTextForm,
    duplicate_date_message,
)
from ..models import Indicator, IndicatorMeasurement
from ..selectors import guide as selectors
from ..selectors.programme import home_programme, home_programme_or_404
from ..services import guide as services


class CanEditMixin:
    """Tells templates whether to show the edit buttons (the edit views check for themselves)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_edit"] = roles.is_staff_member(self.request.user)
        return context


def _guide_link(key) -> dict | None:
    """A prev/next link of the guide pages: "process", a framework number, or "summary"."""
    if key is None:
        return None
    if key == "process":
        return {
            "label": capfirst(_("community health system development process")),
            "url": reverse("programmes:guide-process"),
        }
    if key == "summary":
        return {"label": capfirst(_("summary of the frameworks")), "url": reverse("programmes:guide-summary")}
    return {
        "label": _("Framework %(number)s") % {"number": key},
        "url": reverse("programmes:framework-detail", args=[key]),
    }


def _pager(current) -> dict:
    before, after = selectors.guide_neighbours(current)
    return {"previous": _guide_link(before), "next": _guide_link(after)}


# กรอบแนวทางการดำเนินการ -------------------------------------------------------------------------


class GuideView(CanEditMixin, TemplateView):
    """The overview: process, every framework and the summary, each linked to its page."""

    template_name = "programmes/guide_overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = home_programme()
        context["programme"] = programme
        context["frameworks"] = selectors.guide_frameworks(programme) if programme else []
        return context


class GuideTextView(CanEditMixin, TemplateView):
    """The process page or the summary page: one text field of the programme."""

    template_name = "programmes/guide_text.html"
    field = ""
    heading = ""
    edit_url_name = ""
    page_key = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = home_programme_or_404()
        context.update(
            programme=programme,
            heading=self.heading,
            text=getattr(programme, self.field),
            edit_url=reverse(self.edit_url_name),
            page_key=self.page_key,
            pager=_pager(self.page_key),
        )
        return context


class GuideProcessView(GuideTextView):
    field = "process_text"
    heading = capfirst(gettext_lazy("community health system development process"))
    edit_url_name = "programmes:guide-process-edit"
    page_key = "process"


class GuideSummaryView(GuideTextView):
    field = "framework_summary"
    heading = capfirst(gettext_lazy("summary of the frameworks"))
    edit_url_name = "programmes:guide-summary-edit"
    page_key = "summary"


class GuideTextEditView(StaffRequiredMixin, SuccessMessageMixin, UpdateView):
    template_name = "programmes/guide_text_form.html"
    heading = ""
    page_url_name = ""

    def get_object(self, queryset=None):
        return home_programme_or_404()

    def get_success_url(self):
        return reverse(self.page_url_name)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = self.heading
        context["cancel_url"] = reverse(self.page_url_name)
        return context


class GuideProcessEditView(GuideTextEditView):
    form_class = ProcessTextForm
    heading = capfirst(gettext_lazy("community health system development process"))
    page_url_name = "programmes:guide-process"
    success_message = gettext_lazy("The process page was saved.")


class GuideSummaryEditView(GuideTextEditView):
    form_class = FrameworkSummaryForm
    heading = capfirst(gettext_lazy("summary of the frameworks"))
    page_url_name = "programmes:guide-summary"
    success_message = gettext_lazy("The summary of the frameworks was saved.")


class FrameworkDetailView(CanEditMixin, TemplateView):
    template_name = "programmes/framework_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        framework = selectors.home_framework_or_404(self.kwargs["number"])
        context.update(framework=framework, programme=framework.programme, pager=_pager(framework.number))
        return context


class FrameworkCreateView(StaffRequiredMixin, FormView):
    """Add the next framework; its number is chosen for staff (the one after the last)."""

    form_class = FrameworkForm
    template_name = "programmes/framework_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.programme = None
        return super().dispatch(request, *args, **kwargs)

    def get_programme(self):
        if self.programme is None:
            self.programme = home_programme_or_404()
        return self.programme

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["number"] = selectors.next_framework_number(self.get_programme())
        context["cancel_url"] = reverse("programmes:guide")
        return context

    def form_valid(self, form):
        framework = services.framework_create(
            programme=self.get_programme(),
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
        )
        messages.success(
            self.request,
            _("Framework %(number)s was added. Add its activities on its activity plan page.")
            % {"number": framework.number},
        )
        return HttpResponseRedirect(reverse("programmes:framework-detail", args=[framework.number]))


class FrameworkEditView(StaffRequiredMixin, UpdateView):
    form_class = FrameworkForm
    template_name = "programmes/framework_form.html"

    def get_object(self, queryset=None):
        return selectors.home_framework_or_404(self.kwargs["number"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["number"] = self.object.number
        context["cancel_url"] = reverse("programmes:framework-detail", args=[self.object.number])
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Framework %(number)s was saved.") % {"number": self.object.number})
        return response

    def get_success_url(self):
        return reverse("programmes:framework-detail", args=[self.object.number])


# แผนการดำเนินกิจกรรม ----------------------------------------------------------------------------


class PlanListView(CanEditMixin, TemplateView):
    template_name = "programmes/plan_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = home_programme()
        frameworks, grand_total = selectors.plan_overview(programme) if programme else ([], None)
        context.update(programme=programme, frameworks=frameworks, grand_total=grand_total)
        return context


ACTIVITY_STATUS_BADGES = {
    "planned": "text-bg-secondary",
    "in_progress": "text-bg-warning",
    "done": "text-bg-success",
    "cancelled": "text-bg-light border",
}


class PlanDetailView(CanEditMixin, TemplateView):
    template_name = "programmes/plan_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        framework = selectors.home_framework_or_404(self.kwargs["number"])
        activities, total = selectors.plan_activities(framework)
        for activity in activities:
            activity.badge_class = ACTIVITY_STATUS_BADGES.get(activity.status, "text-bg-secondary")
        context.update(framework=framework, programme=framework.programme, activities=activities, total=total)
        return context


class PlanEditView(StaffRequiredMixin, FormWithFormsetsMixin, UpdateView):
    """All of a framework's activities on one page, saved together or not at all."""

    form_class = PlanForm
    template_name = "programmes/plan_form.html"
    formset_classes = {"activities": ActivityFormSet}

    def get_object(self, queryset=None):
        return selectors.home_framework_or_404(self.kwargs["number"])

    @property
    def success_message(self):
        return _("The activity plan of framework %(number)s was saved.") % {"number": self.object.number}

    def get_success_url(self):
        return reverse("programmes:plan-detail", args=[self.object.number])


# ตัวชี้วัด ----------------------------------------------------------------------------------------


class IndicatorListView(CanEditMixin, TemplateView):
    template_name = "programmes/indicator_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = home_programme()
        rows = selectors.indicator_progress_list(programme) if programme else []
        for row in rows:
            row.chart = charts.responsive_chart(
                row.points,
                target=row.indicator.target_value,
                unit=row.indicator.unit,
                title=_("Indicator %(number)s: progress toward the target")
                % {"number": row.indicator.position},
                chart_id=f"indicator-chart-{row.indicator.pk}",
            )
        context.update(programme=programme, rows=rows)
        return context


class IndicatorDetailView(CanEditMixin, TemplateView):
    template_name = "programmes/indicator_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicator = selectors.home_indicator_or_404(self.kwargs["pk"])
        progress = selectors.indicator_progress(indicator)
        context.update(
            indicator=indicator,
            programme=indicator.programme,
            progress=progress,
            chart=charts.responsive_chart(
                progress.points,
                target=indicator.target_value,
                unit=indicator.unit,
                title=_("Indicator %(number)s: progress toward the target") % {"number": indicator.position},
                chart_id="indicator-chart",
                size=charts.LARGE,
            ),
        )
        if context["can_edit"]:
            context["measurement_form"] = MeasurementForm(indicator=indicator)
        return context


class IndicatorEditView(StaffRequiredMixin, SuccessMessageMixin, UpdateView):
    form_class = IndicatorTargetForm
    template_name = "programmes/indicator_form.html"
    success_message = gettext_lazy("The target was saved.")

    def get_object(self, queryset=None):
        return selectors.home_indicator_or_404(self.kwargs["pk"])

    def get_success_url(self):
        return reverse("programmes:indicator-detail", args=[self.object.pk])


class MeasurementMixin(StaffRequiredMixin):
    """The indicator comes from the URL and must belong to the home programme."""

    template_name = "programmes/indicator_measurement_form.html"

    def get_indicator(self) -> Indicator:
        if not hasattr(self, "_indicator"):
            self._indicator = selectors.home_indicator_or_404(self.kwargs["pk"])
        return self._indicator

    def get_success_url(self):
        return reverse("programmes:indicator-detail", args=[self.get_indicator().pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["indicator"] = self.get_indicator()
        return context


class MeasurementFormMixin(MeasurementMixin):
    form_class = MeasurementForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "indicator": self.get_indicator()}

    def form_valid(self, form):
        try:
            self.object = services.measurement_save(
                indicator=self.get_indicator(),
                measured_on=form.cleaned_data["measured_on"],
                value=form.cleaned_data["value"],
                note=form.cleaned_data["note"],
                measurement=form.instance if form.instance.pk else None,
            )
        except services.DuplicateMeasurement:
            form.add_error("measured_on", duplicate_date_message(form.cleaned_data["measured_on"]))
            return self.form_invalid(form)
        messages.success(self.request, self.success_text)
        return HttpResponseRedirect(self.get_success_url())


class MeasurementCreateView(MeasurementFormMixin, CreateView):
    model = IndicatorMeasurement
    success_text = gettext_lazy("The measurement was added.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": IndicatorMeasurement(indicator=self.get_indicator())}


class MeasurementEditView(MeasurementFormMixin, UpdateView):
    success_text = gettext_lazy("The measurement was saved.")

    def get_object(self, queryset=None):
        return get_object_or_404(
            IndicatorMeasurement, pk=self.kwargs["measurement_pk"], indicator=self.get_indicator()
        )


class MeasurementDeleteView(MeasurementMixin, DeleteView):
    template_name = "programmes/indicator_measurement_confirm_delete.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            IndicatorMeasurement, pk=self.kwargs["measurement_pk"], indicator=self.get_indicator()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["value_text"] = charts.format_number(self.object.value)
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("The measurement was deleted."))
        return response
