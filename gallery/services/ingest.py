"""One uploaded file into one photo: checked by content (gallery.files), its derivatives made
once (services/derivatives.py), its original kept in private storage, its row written.

One file per call, so a batch keeps every good photo when one file is bad, and a file sent again
(a retried or resumed upload) finds the photo it already made instead of a duplicate: the
content's SHA-256 is unique per album in the database. A refusal or a failure leaves nothing
behind, on disk or in the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..files import Rejected, check_upload
from ..models import Album, Photo
from . import derivatives

logger = logging.getLogger(__name__)

HASH_LENGTH = 64


@dataclass
class IngestResult:
    photo: Photo
    duplicate: bool  # the album already held this file: nothing new was stored


def photo_ingest(*, album: Album, upload, name: str, uploaded_by=None, client_hash: str = "") -> IngestResult:
    """Check, store and record one photo; raises files.Rejected with the reason in Thai."""
    checked = check_upload(upload, name=name)
    client_hash = (client_hash or "").strip().lower()
    if client_hash and client_hash != checked.sha256:
        raise Rejected(_("The file changed on its way (its checksum differs). Please send it again."))
    existing = Photo.objects.filter(album=album, content_hash=checked.sha256).first()
    if existing is not None:
        return IngestResult(existing, duplicate=True)

    rendered = derivatives.render(checked.image, icc_profile=checked.icc_profile)
    photo = Photo(
        album=album,
        original_name=name[:255],
        content_hash=checked.sha256,
        format=checked.format,
        width=checked.width,
        height=checked.height,
        bytes=len(checked.data),
        taken_at=checked.taken_at,
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
    )
    written: list[str] = []
    try:
        photo.derivatives = derivatives.derivatives_store(
            album_id=album.pk, key_hex=photo.key.hex, rendered=rendered
        )
        written = photo.derivative_names()
        photo.original.save("original", ContentFile(checked.data), save=False)
        with transaction.atomic():
            locked = Album.objects.select_for_update().get(pk=album.pk)
            photo.position = (locked.photos.aggregate(last=Max("position"))["last"] or 0) + 1
            photo.save()
            if locked.cover_id is None:
                Album.objects.filter(pk=album.pk).update(cover=photo)
                album.cover = photo
    except IntegrityError:
        # The same file arrived twice at once (two tabs, a retry racing its original): the
        # other request stored it; this one leaves nothing.
        _remove(photo, written)
        existing = Photo.objects.filter(album=album, content_hash=checked.sha256).first()
        if existing is None:
            raise
        return IngestResult(existing, duplicate=True)
    except BaseException:
        _remove(photo, written)
        raise
    return IngestResult(photo, duplicate=False)


def _remove(photo: Photo, derivative_names: list[str]) -> None:
    derivatives.derivatives_delete(names=derivative_names)
    if photo.original.name:
        photo.original.storage.delete(photo.original.name)
