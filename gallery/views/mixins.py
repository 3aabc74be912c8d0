"""The album a view is about, read once from the URL, and the rule for who may change it."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property

from ..permissions import can_manage_album
from ..selectors.albums import album_for_page


class AlbumMixin:
    @cached_property
    def album(self):
        return album_for_page(pk=self.kwargs["pk"], user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["album"] = self.album
        context["can_manage"] = can_manage_album(self.request.user, self.album)
        return context


class AlbumManageMixin(LoginRequiredMixin, AlbumMixin):
    """Views that change an album: visitors go to sign in; others who may not, 403."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not can_manage_album(request.user, self.album):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
