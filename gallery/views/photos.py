"""The arrange page: order, captions, cover and deletion of an album's photos, saved together."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal.tables import Cell, Column, Row, Table

from ..forms.photos import CoverForm, PhotoFormSet
from ..models import Photo
from ..services.albums import PhotoArrangement, photos_arrange
from .mixins import AlbumManageMixin


class PhotoArrangeView(AlbumManageMixin, TemplateView):
    template_name = "gallery/photo_arrange.html"

    def _photos(self):
        return Photo.objects.filter(album=self.album).order_by("position", "pk")

    def _forms(self, data=None):
        photos = self._photos()
        return {
            "formset": PhotoFormSet(data, queryset=photos, prefix="photos"),
            "cover_form": CoverForm(data, photos=photos, initial={"cover": self.album.cover_id}),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for key, value in self._forms().items():
            context.setdefault(key, value)
        context["table"] = arrange_table(context["formset"], context["cover_form"])
        return context

    def post(self, request, *args, **kwargs):
        forms = self._forms(request.POST)
        formset, cover_form = forms["formset"], forms["cover_form"]
        if formset.is_valid() and cover_form.is_valid():
            rows = [
                PhotoArrangement(
                    photo=form.instance,
                    caption=form.cleaned_data.get("caption", form.instance.caption),
                    position=form.cleaned_data.get("position") or form.instance.position,
                    delete=bool(form.cleaned_data.get("DELETE")),
                )
                for form in formset.forms
            ]
            photos_arrange(album=self.album, rows=rows, cover=cover_form.cleaned_data["cover"])
            messages.success(request, _("Saved."))
            return redirect(self.album)
        return self.render_to_response(self.get_context_data(**forms))


def arrange_table(formset, cover_form) -> Table:
    """A row per photo; on a phone each stacks into a card (the shared table)."""
    cover = cover_form["cover"].value()
    parts = ("photo", "caption", "position", "cover", "delete")
    return Table(
        caption=_("The album's photos"),
        css="align-middle arrange-table",
        columns=[
            Column(_("photo")),
            Column(_("caption")),
            Column(_("order"), css="arrange-order"),
            Column(_("cover photo")),
            Column(_("Delete")),
        ],
        rows=[
            Row(
                [Cell(template=f"gallery/includes/arrange/{part}.html") for part in parts],
                context={
                    "form": form,
                    "photo": form.instance,
                    "number": number,
                    "is_cover": str(form.instance.pk) == str(cover),
                },
                css="arrange-row",
            )
            for number, form in enumerate(formset.forms, start=1)
        ],
    )
