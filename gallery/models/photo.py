import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..storage import get_originals_storage
from .album import Album


def original_path(instance, filename: str) -> str:
    """A random name under the album: the stored name never comes from the uploader."""
    return f"albums/{instance.album_id}/{instance.key.hex}.{instance.extension}"


class Photo(models.Model):
    """One photo: its original kept as uploaded (private storage), its pixel size and bytes as
    the seeds show them ("1000x750 pixel , 134,231 bytes."), and the derivatives pages serve,
    made once at ingest (gallery.services.derivatives) and listed in `derivatives`."""

    class Format(models.TextChoices):
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        WEBP = "webp", "WebP"
        HEIF = "heif", "HEIC"

    EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp", "heif": "heic"}

    album = models.ForeignKey(Album, on_delete=models.CASCADE, related_name="photos", verbose_name=_("album"))
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    original = models.FileField(
        _("original file"), upload_to=original_path, storage=get_originals_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=255)
    # SHA-256 of the original's bytes: the same file sent twice to one album (a retried or
    # resumed upload) is one photo, enforced by the database.
    content_hash = models.CharField(_("content hash"), max_length=64)
    format = models.CharField(_("file type"), max_length=8, choices=Format.choices)
    width = models.PositiveIntegerField(_("width (pixels)"))
    height = models.PositiveIntegerField(_("height (pixels)"))
    bytes = models.PositiveBigIntegerField(_("size (bytes)"))
    taken_at = models.DateTimeField(_("date taken"), null=True, blank=True)
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    # [{"kind": "thumb"|"display", "format": "webp"|"jpeg", "width", "height", "name", "bytes"}]
    derivatives = models.JSONField(default=list, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["album", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["album", "content_hash"], name="photo_unique_content_per_album"),
            models.CheckConstraint(
                condition=Q(width__gte=1, height__gte=1, bytes__gte=1), name="photo_size_positive"
            ),
            models.CheckConstraint(
                condition=Q(format__in=["jpeg", "png", "webp", "heif"]), name="photo_format_known"
            ),
            models.CheckConstraint(
                condition=Q(content_hash__regex=r"^[0-9a-f]{64}$"), name="photo_hash_sha256"
            ),
        ]
        indexes = [models.Index(fields=["album", "position"], name="photo_album_position")]

    def __str__(self):
        return self.caption or self.original_name

    @property
    def extension(self) -> str:
        return self.EXTENSIONS[self.format]

    def files(self, kind: str, fmt: str) -> list[dict]:
        """The derivatives of one kind and format, narrowest first."""
        return sorted(
            (d for d in self.derivatives if d["kind"] == kind and d["format"] == fmt),
            key=lambda d: d["width"],
        )

    def derivative_names(self) -> list[str]:
        return [d["name"] for d in self.derivatives]
