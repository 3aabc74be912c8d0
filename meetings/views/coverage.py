"""A mentor's "งานของฉัน" (their sites, what is overdue, one tap to log a workshop or start a
report) and the staff's coverage page (overdue sites, each mentor's workload, sites with no
mentor), exportable as XLSX or CSV with Buddhist-Era dates."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from chsd_portal import roles
from chsd_portal.mixins import RoleRequiredMixin, StaffRequiredMixin
from chsd_portal.thai import format_date
from programmes.exports.writers import CONTENT_TYPES, FORMATS, XlsxBook, csv_lines, export_filename
from sites.maps import ON_TRACK_COLOUR, OVERDUE_COLOUR, map_points, map_settings
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
                "map_points": map_points(
                    rows,
                    colour=lambda s: OVERDUE_COLOUR
                    if s.workshop_overdue or s.report_overdue
                    else ON_TRACK_COLOUR,
                ),
                "map_settings": map_settings(),
            }
        )
        return context


def _coverage_values():
    for site in selectors.sites_with_activity():
        yield [
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
        ]


def _coverage_headers() -> list[str]:
    return [
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


class CoverageExportView(StaffRequiredMixin, View):
    """Every site's coverage as XLSX (default) or CSV (?format=csv), dates in the Buddhist Era;
    the project export's writers, with their guard against formulas in user text."""

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "xlsx")
        if fmt not in FORMATS:
            fmt = "xlsx"
        if fmt == "xlsx":
            book = XlsxBook()
            book.add_sheet(
                _("Coverage"),
                _coverage_headers(),
                _coverage_values(),
                widths=(18, 18, 18, 30, 16, 10, 12, 16, 14, 14),
            )
            response = HttpResponse(book.close(), content_type=CONTENT_TYPES["xlsx"])
        else:
            response = StreamingHttpResponse(
                csv_lines(
                    _coverage_headers(), ([(value, False) for value in row] for row in _coverage_values())
                ),
                content_type=CONTENT_TYPES["csv"],
            )
        filename = export_filename(fmt, timezone.localdate(), name="coverage")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
