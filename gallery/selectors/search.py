"""What the gallery gives the search index (registered in registrations.py): each album with its
description, what it is tied to, and its photos' captions, so a caption's words find the album.
Drafts only for staff and the site's mentors. Never the photos' file names or EXIF."""

from __future__ import annotations

from chsd_portal.search.registry import Document, join

from ..models import Album


def albums():
    return Album.objects.select_related("site__subdistrict", "workshop", "project").prefetch_related(
        "photos", "site__mentors"
    )


def album_document(album: Album) -> Document:
    captions = [photo.caption for photo in album.photos.all() if photo.caption]
    return Document(
        title=album.title,
        url=album.get_absolute_url(),
        body=join(
            album.description,
            album.site.name if album.site else "",
            album.project.name if album.project else "",
            "\n".join(captions),
        ),
        date=album.date,
        public=album.status == Album.Status.PUBLISHED,
        reader_ids=[*(mentor.pk for mentor in album.site.mentors.all())] if album.site else [],
    )


def site_album_pks(site) -> list[int]:
    return list(site.albums.values_list("pk", flat=True))
