"""Capacity reports (รายงานศักยภาพตำบล ครั้งที่ N): a site's rounds compared, one report, and the
editor a mentor of the site or staff use (draft until submitted)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal.tables import Cell, Column, Row, Table

from ..forms.capacity import CapacityReportForm, KeyOrganisationFormSet, require_every_score, score_forms
from ..models import CapacityReport
from ..permissions import can_work_on
from ..selectors import capacity as selectors
from ..selectors.sites import site_reports
from ..services.capacity import capacity_report_delete, capacity_report_save
from .mixins import SiteMixin, SiteWorkMixin

SUBMIT = "submit"


class ReportListView(SiteMixin, TemplateView):
    """The site's rounds side by side, with a chart per component and the change per round."""

    template_name = "sites/report_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reports = site_reports(self.site, include_drafts=can_work_on(self.request.user, self.site))
        context["reports"] = reports
        context["rows"] = selectors.comparison([r for r in reports if r.status == r.Status.SUBMITTED])
        return context


class ReportDetailView(SiteMixin, TemplateView):
    template_name = "sites/report_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = selectors.report_by_number(
            self.site, self.kwargs["number"], include_drafts=can_work_on(self.request.user, self.site)
        )
        context["report"] = report
        context["organisations_table"] = organisations_table(report)
        return context


def organisations_table(report: CapacityReport) -> Table | None:
    """The report's key organisations with their roles (already fetched), or None."""
    rows = list(report.organisations.all())
    if not rows:
        return None
    return Table(
        caption=_("Key organisations and their roles"),
        css="table-sm key-organisations",
        columns=[Column(_("organisation name")), Column(_("organisation type")), Column(_("role"))],
        rows=[
            Row(
                [
                    Cell(row.name, header=True),
                    Cell(row.get_kind_display()),
                    Cell(linebreaksbr(row.role), empty=not row.role),
                ]
            )
            for row in rows
        ],
    )


class ReportEditView(SiteWorkMixin, TemplateView):
    """Create (no number in the URL) or edit a report; "บันทึกฉบับร่าง" keeps it a draft, "ส่งรายงาน"
    requires every score and submits it. A failed save shows everything as typed."""

    template_name = "sites/report_form.html"

    @cached_property
    def report(self) -> CapacityReport:
        if "number" in self.kwargs:
            return selectors.report_by_number(self.site, self.kwargs["number"], include_drafts=True)
        return CapacityReport(site=self.site, author=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        components = selectors.form_components(self.report)
        context.setdefault("form", CapacityReportForm(instance=self.report))
        context.setdefault("score_forms", score_forms(components=components, report=self.report))
        context.setdefault(
            "organisations", KeyOrganisationFormSet(instance=self.report, prefix="organisations")
        )
        context["report"] = self.report
        return context

    def post(self, request, *args, **kwargs):
        report = self.report
        form = CapacityReportForm(request.POST, instance=report)
        components = selectors.form_components(report)
        scores = score_forms(components=components, report=report, data=request.POST)
        organisations = KeyOrganisationFormSet(request.POST, instance=report, prefix="organisations")
        submit = SUBMIT in request.POST
        # Every form, so each shows its errors.
        valid = all([form.is_valid(), organisations.is_valid(), *[f.is_valid() for f in scores]])
        if valid and (not submit or require_every_score(scores)):
            saved = capacity_report_save(
                report=form.save(commit=False),
                scores=[{"component": f.component, **f.cleaned_data} for f in scores],
                submit=submit,
                organisations=organisations,
            )
            messages.success(request, _("Report submitted.") if submit else _("Draft saved."))
            return redirect("sites:report-detail", self.site.code, saved.number)
        return self.render_to_response(
            self.get_context_data(form=form, score_forms=scores, organisations=organisations)
        )


class ReportDeleteView(SiteWorkMixin, TemplateView):
    template_name = "sites/report_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = selectors.report_by_number(self.site, self.kwargs["number"], include_drafts=True)
        return context

    def post(self, request, *args, **kwargs):
        report = selectors.report_by_number(self.site, self.kwargs["number"], include_drafts=True)
        capacity_report_delete(report=report)
        messages.success(request, _("Deleted."))
        return redirect(reverse("sites:report-list", args=[self.site.code]))
