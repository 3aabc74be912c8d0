"""Saving an album and arranging its photos (order, captions, cover, deletions) in one step."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from chsd_portal.search import registry as search

from ..models import Album, Photo
from .delete import photos_delete


@transaction.atomic
def album_save(*, album: Album, user=None) -> Album:
    """Create or update an album; one tied to a workshop is tied to the workshop's site."""
    if album.workshop_id is not None:
        album.site_id = album.workshop.site_id
    if album.pk is None and getattr(user, "is_authenticated", False):
        album.created_by = user
    album.save()
    return album


@dataclass
class PhotoArrangement:
    photo: Photo
    caption: str
    position: int
    delete: bool = False


@transaction.atomic
def photos_arrange(*, album: Album, rows: list[PhotoArrangement], cover: Photo | None) -> None:
    """Apply the arrange page: captions, the order (renumbered 1, 2, 3 … by the numbers typed,
    ties kept in their old order), the cover, and the photos ticked for deletion."""
    kept = [row for row in rows if not row.delete]
    kept.sort(key=lambda row: (row.position, row.photo.position, row.photo.pk))
    for number, row in enumerate(kept, start=1):
        row.photo.caption = row.caption
        row.photo.position = number
    Photo.objects.bulk_update([row.photo for row in kept], ["caption", "position"])
    if cover is not None and all(cover.pk != row.photo.pk for row in kept):
        cover = None
    album.cover = cover or (kept[0].photo if kept else None)
    Album.objects.filter(pk=album.pk).update(cover=album.cover)
    photos_delete(album=album, photos=[row.photo for row in rows if row.delete])
    # bulk_update sends no post_save: the captions reach the search index here.
    search.changed(Album, [album.pk])
