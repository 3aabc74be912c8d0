"""Where photo files live, through Django's storage API only, so a deployment moves them to
S3-compatible storage (django-storages) by settings alone.

Derivatives (the WebP/JPEG sizes pages show) go to the default storage, which the web server
serves under MEDIA_URL. Originals go to the "gallery_originals" storage (settings.STORAGES), a
folder the web server does not serve (GALLERY_ORIGINALS_ROOT): they carry the camera's EXIF and
GPS, so they leave only through the permission-checked download view.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

ORIGINALS_ALIAS = "gallery_originals"


class OriginalsStorage(FileSystemStorage):
    """A FileSystemStorage in GALLERY_ORIGINALS_ROOT (read when first used, as MEDIA_ROOT is),
    with no public URL."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.GALLERY_ORIGINALS_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "GALLERY_ORIGINALS_ROOT":
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Originals have no public URL: they leave through the download view.")


class _LazyOriginals(LazyObject):
    def _setup(self):
        self._wrapped = storages[ORIGINALS_ALIAS]


originals_storage = _LazyOriginals()


def get_originals_storage():
    """The callable Photo.original names (migrations keep the callable, not the backend)."""
    return originals_storage


def _reset(*, setting, **kwargs):
    if setting in ("STORAGES", "GALLERY_ORIGINALS_ROOT"):
        originals_storage._wrapped = empty


setting_changed.connect(_reset)
