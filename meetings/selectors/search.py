"""What meetings gives the search index (registered in registrations.py): each article (ข่าว/
ประชุม; drafts only for staff and the author), and each workshop with
its place, agenda, minutes, outcomes and next steps. Its participants (names, phones: personal
data under the PDPA) are never indexed; drafts only for staff and the site's mentors."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext

from chsd_portal.search.registry import Document, join, plain_text

from ..models import Article, Workshop


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


def articles():
    return Article.objects.select_related("category")


def article_document(article: Article) -> Document:
    """ข่าว/ประชุม: its title, category, summary and the words of its body; drafts only for
    staff and its author."""
    return Document(
        title=article.title,
        url=article.get_absolute_url(),
        body=join(article.category.name, article.summary, plain_text(article.body_html)),
        date=article.date,
        public=article.status == Article.Status.PUBLISHED,
        reader_ids=[article.author_id] if article.author_id else [],
    )


def category_article_pks(category) -> list[int]:
    return list(category.articles.values_list("pk", flat=True))
