"""What meetings gives the search index (registered in registrations.py): each workshop with
its place, agenda, minutes, outcomes and next steps. Its participants (names, phones: personal
data under the PDPA) are never indexed; drafts only for staff and the site's mentors."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from chsd_portal.search.registry import Document, join

from ..models import Workshop


def workshops():
    return Workshop.objects.select_related("site__subdistrict__district__province").prefetch_related(
        "site__mentors"
    )


def workshop_document(workshop: Workshop) -> Document:
    site = workshop.site
    district = site.subdistrict.district
    return Document(
        title=gettext("%(name)s: workshop %(number)s") % {"name": site.name, "number": workshop.number},
        url=reverse("meetings:workshop-detail", args=[site.code, workshop.number]),
        body=join(
            join(district.name_th, district.province.name_th),
            workshop.place,
            workshop.agenda,
            workshop.minutes,
            workshop.outcomes,
            workshop.next_steps,
        ),
        date=workshop.date,
        public=workshop.status == Workshop.Status.PUBLISHED,
        reader_ids=[*(mentor.pk for mentor in site.mentors.all()), workshop.author_id],
    )


def site_workshop_pks(site) -> list[int]:
    return list(site.workshops.values_list("pk", flat=True))
