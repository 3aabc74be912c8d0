"""factory_boy factories for the gallery: albums, and photos put through the real ingest (drawn
with Pillow, gallery/demo/drawing.py), so every photo has its original and derivative files.

- `AlbumFactory(draft=True)` is not published; `AlbumFactory(site=site)` is tied to a site.
- `PhotoFactory(album=album, width=2000, height=1500)` ingests one drawn JPEG of that size.
- `photo_upload(...)` is the drawn file as an upload, for the views and the services.
"""

import datetime as dt

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from gallery.demo.drawing import photo_bytes
from gallery.models import Album, Photo
from gallery.services.ingest import photo_ingest


def photo_upload(name="photo.jpg", *, width=960, height=720, seed=0, fmt="JPEG", **options):
    content_types = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
    data = photo_bytes(width, height, seed=seed, fmt=fmt, **options)
    return SimpleUploadedFile(name, data, content_type=content_types.get(fmt, "application/octet-stream"))


class AlbumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Album

    class Params:
        draft = factory.Trait(status=Album.Status.DRAFT)

    title = factory.Sequence(lambda n: f"ประชุมกับพื้นที่ ครั้งที่ {n + 1}")
    date = dt.date(2021, 4, 5)
    description = "ทีมพี่เลี้ยงลงพื้นที่ร่วมกับแกนนำชุมชน"
    status = Album.Status.PUBLISHED


class PhotoFactory(factory.Factory):
    class Meta:
        model = Photo

    album = factory.SubFactory(AlbumFactory)
    width = 960
    height = 720
    seed = factory.Sequence(lambda n: n)
    name = factory.LazyAttribute(lambda p: f"photo-{p.seed}.jpg")
    caption = ""

    @classmethod
    def _create(cls, model_class, *, album, width, height, seed, name, caption):
        upload = photo_upload(name, width=width, height=height, seed=seed)
        photo = photo_ingest(album=album, upload=upload, name=name).photo
        if caption:
            photo.caption = caption
            photo.save(update_fields=["caption"])
        return photo
