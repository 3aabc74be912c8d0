"""The overview พื้นที่ดำเนินการ, a site's page, and the staff's site editor."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.generic import CreateView, TemplateView, UpdateView

from chsd_portal.mixins import StaffRequiredMixin
from chsd_portal.tables import Cell, Column, Row, Table

from ..forms.sites import SiteFilterForm, SiteForm
from ..maps import map_points, map_settings, site_url
from ..permissions import can_manage_sites, can_work_on
from ..sections import sections_for
from ..selectors import sites as selectors
from ..services.sites import site_save
from .mixins import SiteMixin


def _mentor_names(site) -> str:
    return ", ".join(m.get_full_name() or m.username for m in site.mentors.all())


def overview_table(sites) -> Table:
    """The overview's list in the portal's one table (a card per site on a phone)."""
    return Table(
        caption=_("Sites"),
        css="table-sm align-middle site-list",
        empty_text=_("No site matches these filters."),
        columns=[
            Column(_("sub-district")),
            Column(_("district")),
            Column(_("province")),
            Column(_("status")),
            Column(_("mentors")),
        ],
        rows=[
            Row(
                [
                    Cell(
                        format_html('<a href="{}">{}</a>', site_url(site.code), site.name),
                        header=True,
                    ),
                    Cell(site.subdistrict.district.name_th),
                    Cell(site.subdistrict.district.province.name_th),
                    Cell(site.get_status_display()),
                    Cell(_mentor_names(site) or _("No mentor yet")),
                ]
            )
            for site in sites
        ],
    )


class SiteOverviewView(TemplateView):
    template_name = "sites/site_overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        choices = selectors.overview_filter_choices()
        form = SiteFilterForm(self.request.GET or None, **choices)
        filters = form.cleaned_data if form.is_valid() else {}
        sites = selectors.overview_sites(
            province=filters.get("province"), mentor=filters.get("mentor"), status=filters.get("status", "")
        )
        context.update(
            {
                "filter_form": form,
                "sites": sites,
                "sites_table": overview_table(sites),
                "map_points": map_points(sites),
                "map_settings": map_settings(),
                "can_manage": can_manage_sites(self.request.user),
            }
        )
        return context


class SiteDetailView(SiteMixin, TemplateView):
    template_name = "sites/site_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        site = self.site
        reports = selectors.site_reports(site, include_drafts=can_work_on(self.request.user, site))
        latest = next((r for r in reversed(reports) if r.status == r.Status.SUBMITTED), None)
        context.update(
            {
                "reports": reports,
                "latest_report": latest,
                "sections": sections_for(self.request, site),
                "map_points": map_points([site], link=False),
                "map_settings": map_settings(),
                "can_manage": can_manage_sites(self.request.user),
            }
        )
        return context


class SiteFormMixin(StaffRequiredMixin):
    form_class = SiteForm
    template_name = "sites/site_form.html"

    def form_valid(self, form):
        site = form.save(commit=False)
        self.object = site_save(site=site, mentors=form.cleaned_data["mentors"])
        messages.success(self.request, _("Saved."))
        return redirect("sites:site-detail", self.object.code)


class SiteCreateView(SiteFormMixin, CreateView):
    pass


class SiteUpdateView(SiteFormMixin, UpdateView):
    def get_object(self, queryset=None):
        return selectors.site_by_code(self.kwargs["code"])
