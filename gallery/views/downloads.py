"""Original files: one photo's (staff, or anyone when the album allows it) and a whole album's
as a zip (staff), streamed as it is written, so a 500 MB album never sits in memory."""

from __future__ import annotations

import zipfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.views.generic import View

from ..permissions import can_download_original, can_download_zip
from ..selectors.albums import album_photos
from .mixins import AlbumMixin

CHUNK = 256 * 1024


class OriginalDownloadView(AlbumMixin, View):
    def get(self, request, *args, **kwargs):
        if not can_download_original(request.user, self.album):
            raise PermissionDenied
        photo = self.album.photos.filter(pk=kwargs["photo"]).first()
        if photo is None:
            raise Http404
        return FileResponse(photo.original.open("rb"), as_attachment=True, filename=photo.original_name)


class _Sink:
    """A write-only file for zipfile that hands over what was written since the last take()."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.offset = 0

    def write(self, data):
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self):
        return self.offset

    def flush(self):
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


def zip_stream(photos):
    """The album's originals as a zip, a chunk at a time (stored, not compressed: photos are)."""
    sink = _Sink()
    used: set[str] = set()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
        for number, photo in enumerate(photos, start=1):
            name = f"{number:03d}-{photo.original_name}".replace("/", "_")
            while name in used:
                name = f"{number:03d}-{photo.key.hex[:6]}-{photo.original_name}"
            used.add(name)
            info = zipfile.ZipInfo(name, date_time=photo.uploaded_at.timetuple()[:6])
            with photo.original.open("rb") as source, archive.open(info, "w", force_zip64=True) as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
                    yield sink.take()
            yield sink.take()
    yield sink.take()


class AlbumZipView(AlbumMixin, View):
    def get(self, request, *args, **kwargs):
        if not can_download_zip(request.user):
            raise PermissionDenied
        response = StreamingHttpResponse(zip_stream(album_photos(self.album)), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="album-{self.album.pk}.zip"'
        return response
