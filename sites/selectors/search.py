"""What sites gives the search index (registered in registrations.py): each site with its
place and story, and each capacity report (drafts only for staff and the site's mentors)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext

from chsd_portal.search.registry import Document, join

from ..models import CapacityReport, ComponentScore, Site


def sites():
    return Site.objects.with_place()


def _place(site: Site) -> str:
    district = site.subdistrict.district
    return join(district.name_th, district.province.name_th)


def site_document(site: Site) -> Document:
    return Document(
        title=gettext("Sub-district %(name)s") % {"name": site.name},
        url=reverse("sites:site-detail", args=[site.code]),
        body=join(_place(site), site.story),
        date=site.updated_at,
    )


def reports():
    return CapacityReport.objects.select_related("site__subdistrict__district__province").prefetch_related(
        "site__mentors",
        Prefetch(
            "scores", queryset=ComponentScore.objects.select_related("component").order_by("component__order")
        ),
    )


def report_document(report: CapacityReport) -> Document:
    site = report.site
    return Document(
        title=gettext("Capacity report of %(name)s, round %(number)s")
        % {"name": site.name, "number": report.number},
        url=reverse("sites:report-detail", args=[site.code, report.number]),
        body=join(
            _place(site),
            *(join(score.component.name, score.narrative) for score in report.scores.all()),
            report.key_organisations,
            report.social_capital,
            report.strengths,
            report.gaps,
            report.plan,
        ),
        date=report.report_date,
        public=report.status == CapacityReport.Status.SUBMITTED,
        reader_ids=[*(mentor.pk for mentor in site.mentors.all()), report.author_id],
    )


def site_report_pks(site: Site) -> list[int]:
    return list(site.capacity_reports.values_list("pk", flat=True))
