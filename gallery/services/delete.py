"""Deleting photos and albums deletes their files: the original in private storage and every
derivative, through the storage API, once the database has committed (a rolled-back delete
keeps its files)."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.db import transaction

from ..models import Album, Photo
from ..storage import originals_storage


def _files_of(photos) -> tuple[list[str], list[str]]:
    originals, derived = [], []
    for photo in photos:
        if photo.original.name:
            originals.append(photo.original.name)
        derived.extend(photo.derivative_names())
    return originals, derived


def _delete_on_commit(originals: list[str], derived: list[str]) -> None:
    def delete():
        for name in originals:
            originals_storage.delete(name)
        for name in derived:
            default_storage.delete(name)

    transaction.on_commit(delete)


@transaction.atomic
def photos_delete(*, album: Album, photos: list[Photo]) -> None:
    """Delete some of an album's photos; a deleted cover gives way to the first photo left."""
    if not photos:
        return
    ids = [photo.pk for photo in photos]
    originals, derived = _files_of(photos)
    Photo.objects.filter(album=album, pk__in=ids).delete()
    if album.cover_id in ids or album.cover_id is None:
        album.cover = album.photos.order_by("position", "pk").first()
        Album.objects.filter(pk=album.pk).update(cover=album.cover)
    _delete_on_commit(originals, derived)


def photo_delete(*, photo: Photo) -> None:
    photos_delete(album=photo.album, photos=[photo])


@transaction.atomic
def album_delete(*, album: Album) -> None:
    originals, derived = _files_of(album.photos.all())
    Album.objects.filter(pk=album.pk).update(cover=None)
    album.delete()
    _delete_on_commit(originals, derived)
