"""Ingest: a good photo keeps its original (private storage), its pixel size and bytes, and gets
its derivatives once, upright and with no EXIF or GPS; a file sent again is the same photo."""

import datetime as dt
import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from PIL import Image

from gallery.files import Rejected
from gallery.models import Photo
from gallery.services.ingest import photo_ingest
from tests.gallery.factories import AlbumFactory, photo_upload

pytestmark = pytest.mark.django_db


def stored_files() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT), Path(settings.GALLERY_ORIGINALS_ROOT)]
    return sorted(p for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    "fmt, name", [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("JPEG", "A.JPEG")]
)
def test_a_photo_keeps_its_original_size_and_bytes_and_gets_webp_and_jpeg_derivatives(fmt, name):
    album = AlbumFactory()
    upload = photo_upload(name, width=1000, height=750, fmt=fmt)
    photo = photo_ingest(album=album, upload=upload, name=name).photo
    assert (photo.width, photo.height, photo.bytes) == (1000, 750, upload.size)
    assert photo.format == {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp"}[fmt]
    assert Path(settings.GALLERY_ORIGINALS_ROOT, photo.original.name).stat().st_size == upload.size
    assert not any(
        p.name.startswith(photo.key.hex) for p in Path(settings.MEDIA_ROOT).rglob("*") if "albums" in p.parts
    )
    kinds = {(d["kind"], d["format"], d["width"]) for d in photo.derivatives}
    assert kinds == {
        ("thumb", "webp", 240),
        ("thumb", "jpeg", 240),
        ("thumb", "webp", 480),
        ("thumb", "jpeg", 480),
        ("display", "webp", 1000),
        ("display", "jpeg", 1000),
    }
    for item in photo.derivatives:
        assert default_storage.size(item["name"]) == item["bytes"]
    album.refresh_from_db()
    assert album.cover_id == photo.pk


def test_the_original_is_byte_for_byte_what_was_sent_and_its_hash_is_recorded():
    upload = photo_upload("x.jpg", width=800, height=600)
    data = upload.read()
    photo = photo_ingest(album=AlbumFactory(), upload=upload, name="x.jpg").photo
    with photo.original.open("rb") as original:
        assert original.read() == data
    assert photo.content_hash == hashlib.sha256(data).hexdigest()


def test_display_sizes_are_1600_and_1024_on_the_long_edge_and_never_enlarged():
    photo = photo_ingest(
        album=AlbumFactory(), upload=photo_upload("big.jpg", width=2048, height=1366), name="big.jpg"
    ).photo
    assert [(d["width"], d["height"]) for d in photo.files("display", "webp")] == [(1024, 683), (1600, 1067)]


def test_exif_orientation_is_applied_and_the_date_taken_read_and_no_exif_or_gps_reaches_a_derivative():
    taken = dt.datetime(2021, 4, 5, 9, 30)
    upload = photo_upload("phone.jpg", width=1200, height=900, taken=taken, orientation=6, gps=True)
    photo = photo_ingest(album=AlbumFactory(), upload=upload, name="phone.jpg").photo
    # Orientation 6: the camera held sideways, the photo is shown portrait.
    assert (photo.width, photo.height) == (900, 1200)
    assert photo.taken_at.astimezone(dt.timezone(dt.timedelta(hours=7))).replace(tzinfo=None) == taken
    assert [(d["width"], d["height"]) for d in photo.files("display", "jpeg")] == [(768, 1024), (900, 1200)]
    for item in photo.derivatives:
        with default_storage.open(item["name"]) as handle:
            data = handle.read()
        image = Image.open(io.BytesIO(data))
        assert len(image.getexif()) == 0, item["name"]
        assert b"Exif" not in data and b"GPS" not in data and "exif" not in image.info, item["name"]


def test_every_thumbnail_fits_its_byte_budget_even_for_a_grainy_photo():
    upload = photo_upload("grain.jpg", width=2000, height=1500, grain=90, quality=95)
    photo = photo_ingest(album=AlbumFactory(), upload=upload, name="grain.jpg").photo
    for item in photo.files("thumb", "webp") + photo.files("thumb", "jpeg"):
        assert item["bytes"] <= settings.GALLERY_THUMB_MAX_BYTES <= 40_000


def test_the_same_file_sent_twice_is_one_photo_and_stores_nothing_more():
    album = AlbumFactory()
    first = photo_ingest(album=album, upload=photo_upload("a.jpg", seed=3), name="a.jpg")
    files = stored_files()
    again = photo_ingest(album=album, upload=photo_upload("a-again.jpg", seed=3), name="a-again.jpg")
    assert again.duplicate and again.photo.pk == first.photo.pk
    assert Photo.objects.count() == 1 and stored_files() == files


def test_the_database_refuses_a_second_photo_with_the_same_content_in_one_album():
    from django.db import IntegrityError, transaction

    photo = photo_ingest(album=AlbumFactory(), upload=photo_upload(seed=4), name="a.jpg").photo
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.create(
            album=photo.album,
            original_name="b.jpg",
            content_hash=photo.content_hash,
            format="jpeg",
            width=1,
            height=1,
            bytes=1,
        )


def test_the_same_file_in_two_albums_is_two_photos():
    upload = photo_upload(seed=5)
    photo_ingest(album=AlbumFactory(), upload=upload, name="a.jpg")
    photo_ingest(album=AlbumFactory(), upload=photo_upload(seed=5), name="a.jpg")
    assert Photo.objects.count() == 2


def test_a_checksum_from_the_browser_that_differs_from_the_content_is_refused_and_leaves_nothing():
    with pytest.raises(Rejected) as refused:
        photo_ingest(album=AlbumFactory(), upload=photo_upload(), name="a.jpg", client_hash="0" * 64)
    assert "ส่งใหม่" in refused.value.message
    assert Photo.objects.count() == 0 and stored_files() == []


def test_photos_are_numbered_in_upload_order():
    album = AlbumFactory()
    positions = [
        photo_ingest(album=album, upload=photo_upload(seed=s), name=f"{s}.jpg").photo.position
        for s in range(3)
    ]
    assert positions == [1, 2, 3]


def test_a_heic_photo_from_a_phone_is_taken_when_pillow_heif_is_installed():
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 160, 90)).save(out, "HEIF")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("IMG_0001.HEIC", out.getvalue(), content_type="image/heic")
    photo = photo_ingest(album=AlbumFactory(), upload=upload, name="IMG_0001.HEIC").photo
    assert (photo.format, photo.width, photo.height) == ("heif", 640, 480)
    assert photo.original.name.endswith(".heic")
    assert photo.files("thumb", "webp")
