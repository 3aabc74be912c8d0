"""Albums (รูปกิจกรรม): the list, an album's page (its photos with pixel size and bytes, as the
seeds show them, and related albums), one photo's page (the lightbox for browsers without
JavaScript), and the editor staff and the site's mentors use."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal.cache import cache_page_by_data_version
from chsd_portal.pagination import page_links

from ..forms.album import AlbumForm
from ..models import Album
from ..permissions import can_create_album, can_download_original, can_download_zip, can_manage_album
from ..selectors import albums as selectors
from ..services.albums import album_save
from ..services.delete import album_delete
from .mixins import AlbumManageMixin, AlbumMixin

# Album pages show project names and the menu's sites: cached under those areas too.
cache_gallery_page = cache_page_by_data_version("gallery", "programmes")


class AlbumListView(TemplateView):
    template_name = "gallery/album_list.html"

    @method_decorator(cache_gallery_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator, page = selectors.album_list(
            user=self.request.user, page_number=self.request.GET.get("page")
        )
        base = reverse("gallery:album-list")
        context.update(
            albums=page.object_list,
            page=page,
            pages=page_links(paginator, page.number, lambda n: f"{base}?page={n}" if n > 1 else base),
            can_create=can_create_album(self.request.user),
        )
        return context


class AlbumDetailView(AlbumMixin, TemplateView):
    template_name = "gallery/album_detail.html"

    @method_decorator(cache_gallery_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            photos=selectors.album_photos(self.album),
            related=selectors.related_albums(self.album, user=user),
            can_download_original=can_download_original(user, self.album),
            can_download_zip=can_download_zip(user),
        )
        return context


class PhotoDetailView(AlbumMixin, TemplateView):
    """One photo at display size with the previous and next ones: the album works without
    JavaScript (the lightbox is an enhancement of these links)."""

    template_name = "gallery/photo_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        photos = selectors.album_photos(self.album)
        index = next((i for i, p in enumerate(photos) if p.pk == self.kwargs["photo"]), None)
        if index is None:
            raise Http404
        context.update(
            photo=photos[index],
            number=index + 1,
            total=len(photos),
            previous=photos[index - 1] if index > 0 else None,
            next=photos[index + 1] if index + 1 < len(photos) else None,
            can_download_original=can_download_original(self.request.user, self.album),
        )
        return context


class AlbumEditView(LoginRequiredMixin, TemplateView):
    """Create (no pk in the URL) or edit an album; staff, and mentors for their own sites."""

    template_name = "gallery/album_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            user = request.user
            self.album = selectors.album_for_page(pk=kwargs["pk"], user=user) if "pk" in kwargs else Album()
            if not (can_manage_album(user, self.album) if self.album.pk else can_create_album(user)):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AlbumForm(instance=self.album, user=self.request.user))
        context["album"] = self.album
        return context

    def post(self, request, *args, **kwargs):
        form = AlbumForm(request.POST, instance=self.album, user=request.user)
        if form.is_valid():
            created = self.album.pk is None
            album = album_save(album=form.save(commit=False), user=request.user)
            messages.success(request, _("Saved."))
            if created:
                return redirect("gallery:album-upload", album.pk)
            return redirect(album)
        return self.render_to_response(self.get_context_data(form=form))


class AlbumDeleteView(AlbumManageMixin, TemplateView):
    template_name = "gallery/album_confirm_delete.html"

    def post(self, request, *args, **kwargs):
        album_delete(album=self.album)
        messages.success(request, _("Deleted."))
        return redirect("gallery:album-list")
