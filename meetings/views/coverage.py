"""A mentor's "งานของฉัน" (their sites, what is overdue, one tap to log a workshop or start a
report) and the staff's coverage page (overdue sites, each mentor's workload, sites with no
mentor), exportable as CSV with Buddhist-Era dates."""

from __future__ import annotations

import csv

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal import roles
from chsd_portal.mixins import RoleRequiredMixin, StaffRequiredMixin
from chsd_portal.thai import format_date
from sites.models import Site

from ..selectors import coverage as selectors


class MyWorkView(LoginRequiredMixin, RoleRequiredMixin, TemplateView):
    allowed_roles = (roles.MENTOR,)
    template_name = "meetings/my_work.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sites"] = selectors.sites_with_activity(Site.objects.mentored_by(self.request.user))
        context["limits"] = selectors.thresholds()
        return context


class CoverageView(StaffRequiredMixin, TemplateView):
    template_name = "meetings/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = selectors.sites_with_activity()
        context.update(
            {
                "sites": rows,
                "no_workshop": [s for s in rows if s.workshop_overdue],
                "old_report": [s for s in rows if s.report_overdue],
                "no_mentor": [s for s in rows if not s.mentors.all()],
                "workload": selectors.mentor_workload(rows),
                "limits": selectors.thresholds(),
            }
        )
        return context


def _csv_cell(value) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class CoverageExportView(StaffRequiredMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="coverage.csv"'
        response.write("\ufeff")  # Excel reads UTF-8 Thai only with the byte-order mark
        writer = csv.writer(response)
        writer.writerow(
            [
                _("sub-district"),
                _("district"),
                _("province"),
                _("mentors"),
                _("Last visit"),
                _("Workshops"),
                _("Latest capacity round"),
                _("report date"),
                _("No workshop for too long"),
                _("Capacity report too old"),
            ]
        )
        for site in selectors.sites_with_activity():
            writer.writerow(
                [
                    _csv_cell(value)
                    for value in (
                        site.name,
                        site.subdistrict.district.name_th,
                        site.subdistrict.district.province.name_th,
                        ", ".join(m.get_full_name() or m.username for m in site.mentors.all()),
                        format_date(site.last_visit) if site.last_visit else "",
                        site.workshop_count,
                        site.latest_round or "",
                        format_date(site.latest_round_date) if site.latest_round_date else "",
                        _("yes") if site.workshop_overdue else "",
                        _("yes") if site.report_overdue else "",
                    )
                ]
            )
        return response
