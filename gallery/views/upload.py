"""Uploading photos to an album. The page's script sends one file per request (progress per
file, a bad file reported by name while the others go on, a retry or resumed upload skips what
the album already holds); without JavaScript the same form posts every file at once and the
page lists what was kept and what was refused, and why."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from ..files import HEIF_AVAILABLE, Rejected
from ..forms.upload import UploadForm
from ..selectors.albums import existing_hashes
from ..services.ingest import photo_ingest
from ..templatetags.gallery_photos import size_line
from .mixins import AlbumManageMixin


def _too_big_message() -> str:
    return _("One upload may carry at most %(limit)s in all; send fewer photos at a time.") % {
        "limit": filesizeformat(settings.GALLERY_MAX_UPLOAD_BYTES)
    }


def _declared_length(request) -> int:
    try:
        return int(request.headers.get("content-length") or 0)
    except ValueError:
        return 0


def upload_texts() -> dict:
    """The Thai texts static/js/gallery-upload.js shows (a JSON script: no inline code for CSP)."""
    return {
        "waiting": _("Waiting"),
        "checking": _("Checking…"),
        "sending": _("Sending…"),
        "done": _("Uploaded"),
        "already": _("already in the album"),
        "network": _("The connection was lost. Press “Try the unsent files again”."),
        "server_error": _("The server could not take this file now. Please try again."),
        "empty": _("The file is empty (0 bytes)."),
        "too_big": _("The file is larger than %(limit)s."),
        "too_much": _("One upload may carry at most %(limit)s in all; send fewer photos at a time."),
        "none_chosen": _("Choose at least one photo."),
        "selected": _("%(count)s files chosen. Press “Upload”."),
        "working": _("Uploading, one photo at a time…"),
        "summary": _("Uploaded %(done)s, not uploaded %(failed)s."),
        "failed_names": _("Not uploaded: %(names)s."),
    }


class UploadView(AlbumManageMixin, TemplateView):
    template_name = "gallery/upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context.update(
            max_file_bytes=settings.GALLERY_MAX_FILE_BYTES,
            max_upload_bytes=settings.GALLERY_MAX_UPLOAD_BYTES,
            heif=HEIF_AVAILABLE,
            photo_count=self.album.photos.count(),
            upload_texts=upload_texts(),
        )
        return context

    def _is_script(self) -> bool:
        return self.request.headers.get("X-Requested-With") == "XMLHttpRequest"

    def post(self, request, *args, **kwargs):
        if self._is_script():
            return self._post_one()
        if _declared_length(request) > settings.GALLERY_MAX_UPLOAD_BYTES:
            return self._refuse_all(_too_big_message(), status=413)
        try:
            form = UploadForm(request.POST, request.FILES)
            valid = form.is_valid()
        except TooManyFilesSent:
            message = _("Send at most %(count)s files at a time.") % {
                "count": settings.DATA_UPLOAD_MAX_NUMBER_FILES
            }
            return self._refuse_all(message, status=400)
        if not valid:
            return self.render_to_response(self.get_context_data(form=form))
        kept, refused = [], []
        for upload in form.cleaned_data["photos"]:
            try:
                result = photo_ingest(
                    album=self.album, upload=upload, name=upload.name, uploaded_by=request.user
                )
            except Rejected as rejection:
                refused.append({"name": upload.name, "reason": rejection.message})
            else:
                kept.append({"name": upload.name, "photo": result.photo, "duplicate": result.duplicate})
        if refused:
            form.add_error(
                "photos",
                _("%(count)s file(s) were not uploaded: %(names)s. The reasons are listed below.")
                % {"count": len(refused), "names": ", ".join(item["name"] for item in refused)},
            )
        return self.render_to_response(self.get_context_data(form=form, kept=kept, refused=refused))

    def _refuse_all(self, message: str, *, status: int):
        """The whole upload refused: the form shown again with the reason beside the field."""
        form = UploadForm(data={}, files={})
        form.is_valid()
        form.errors["photos"] = form.error_class([message])
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def _post_one(self):
        """One file from the page's script: JSON with the photo, or the reason it was refused."""
        request = self.request
        if _declared_length(request) > settings.GALLERY_MAX_FILE_BYTES + 1024 * 1024:
            return JsonResponse({"ok": False, "error": _too_big_message()}, status=413)
        try:
            upload = request.FILES.get("photo")
            client_hash = request.POST.get("content_hash", "")
        except (TooManyFilesSent, RequestDataTooBig):
            return JsonResponse({"ok": False, "error": _too_big_message()}, status=413)
        if upload is None:
            return JsonResponse({"ok": False, "error": _("Choose at least one photo.")}, status=400)
        try:
            result = photo_ingest(
                album=self.album,
                upload=upload,
                name=upload.name,
                uploaded_by=request.user,
                client_hash=client_hash,
            )
        except Rejected as rejection:
            return JsonResponse({"ok": False, "name": upload.name, "error": rejection.message}, status=422)
        photo = result.photo
        return JsonResponse(
            {
                "ok": True,
                "name": upload.name,
                "duplicate": result.duplicate,
                "photo": photo.pk,
                "size": size_line(photo),
                "url": reverse("gallery:photo-detail", args=[self.album.pk, photo.pk]),
            },
            status=200 if result.duplicate else 201,
        )


class ExistingHashesView(AlbumManageMixin, TemplateView):
    """The content hashes the album already holds, for the script to skip on a retry or resume."""

    def get(self, request, *args, **kwargs):
        return JsonResponse({"hashes": existing_hashes(self.album)})
