"""Reads of albums: the list, one album's page with its photos and related albums, and the
albums a site, workshop or project page shows. Each costs a fixed number of queries."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404

from ..models import Album, Photo

LIST_PAGE_SIZE = 24
RELATED_LIMIT = 6
SECTION_LIMIT = 6
HOME_LIMIT = 6


def _with_cover(queryset):
    return queryset.select_related("cover").defer("description").annotate(photo_count=Count("photos"))


def album_list(*, user, page_number) -> tuple[Paginator, object]:
    """The albums the user may see, newest activity first, a page at a time (2 queries)."""
    albums = _with_cover(Album.objects.visible_to(user)).order_by("-date", "-pk")
    paginator = Paginator(albums, LIST_PAGE_SIZE)
    return paginator, paginator.get_page(page_number)


def album_for_page(*, pk: int, user) -> Album:
    """One album the user may see, with what it is tied to (1 query), or 404."""
    return get_object_or_404(
        Album.objects.visible_to(user).select_related(
            "site__subdistrict__district__province",
            "workshop__site__subdistrict",
            "project",
            "article",
            "cover",
        ),
        pk=pk,
    )


def album_photos(album: Album) -> list[Photo]:
    """The album's photos in their order (1 query)."""
    return list(Photo.objects.filter(album=album).order_by("position", "pk"))


def related_albums(album: Album, *, user, limit: int = RELATED_LIMIT) -> list[Album]:
    """Albums sharing the album's site, workshop, project or article first (the more shared, the
    earlier), then the newest others (1 query)."""
    shared = []
    for field in ("article_id", "workshop_id", "site_id", "project_id"):
        value = getattr(album, field)
        if value is not None:
            shared.append(When(Q(**{field: value}), then=Value(1)))
    score = sum(
        (Case(w, default=Value(0), output_field=IntegerField()) for w in shared),
        start=Value(0, output_field=IntegerField()),
    )
    return list(
        _with_cover(Album.objects.visible_to(user).exclude(pk=album.pk))
        .annotate(shared=score)
        .order_by("-shared", "-date", "-pk")[:limit]
    )


def albums_for(*, user, limit: int = SECTION_LIMIT, **link) -> list[Album]:
    """The newest albums tied to one site, workshop or project (`site=…`), for its page (1 query)."""
    return list(_with_cover(Album.objects.visible_to(user).filter(**link)).order_by("-date", "-pk")[:limit])


def latest_albums(*, limit: int = HOME_LIMIT) -> list[Album]:
    """The newest published albums that have a cover, for the home page's strip (1 query)."""
    return list(
        _with_cover(Album.objects.published().filter(cover__isnull=False)).order_by("-date", "-pk")[:limit]
    )


def existing_hashes(album: Album) -> list[str]:
    """The content hashes already in the album: what a resumed upload may skip (1 query)."""
    return list(Photo.objects.filter(album=album).values_list("content_hash", flat=True))
