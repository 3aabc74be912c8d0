"""Bad input: each kind of file that is not a photo we take is refused with a Thai message and
leaves nothing behind, on disk or in the database."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gallery.files import Rejected
from gallery.models import Photo
from gallery.services.ingest import photo_ingest
from tests.gallery.factories import AlbumFactory, photo_upload

pytestmark = pytest.mark.django_db
THAI = re.compile(r"[\u0e00-\u0e7f]")


def stored_files() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT), Path(settings.GALLERY_ORIGINALS_ROOT)]
    return sorted(p for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


def refused(name: str, data: bytes) -> str:
    """The Thai reason the file is refused; asserts that nothing was stored."""
    album = AlbumFactory()
    with pytest.raises(Rejected) as rejection:
        photo_ingest(album=album, upload=SimpleUploadedFile(name, data), name=name)
    assert THAI.search(rejection.value.message), rejection.value.message
    assert Photo.objects.count() == 0
    assert stored_files() == []
    album.refresh_from_db()
    assert album.cover_id is None
    return rejection.value.message


def jpeg(width=640, height=480, **options) -> bytes:
    return photo_upload(width=width, height=height, **options).read()


def test_a_zero_byte_file_is_refused():
    assert "ว่างเปล่า" in refused("empty.jpg", b"")


def test_a_file_over_the_per_file_limit_is_refused(settings):
    settings.GALLERY_MAX_FILE_BYTES = 10_000
    assert "ไม่เกิน" in refused("big.jpg", jpeg(1200, 900))


def test_an_html_page_renamed_jpg_is_refused():
    assert "HTML" in refused(
        "photo.jpg", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    )


def test_an_svg_drawing_renamed_png_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
    assert "SVG" in refused("photo.png", svg)


def test_a_gif_is_not_a_format_we_take():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "GIF")
    assert "JPEG, PNG หรือ WebP" in refused("anim.gif", out.getvalue())


def test_a_jpeg_with_a_png_extension_is_refused():
    assert "นามสกุล" in refused("photo.png", jpeg())


def test_a_photo_without_an_extension_is_refused():
    assert "นามสกุล" in refused("photo", jpeg())


def test_a_polyglot_jpeg_with_a_zip_appended_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("index.html", "<p>hello</p>")
    assert "แฝง" in refused("photo.jpg", jpeg() + archive.getvalue())


def test_a_polyglot_jpeg_with_script_in_a_comment_is_refused():
    data = jpeg()
    comment = b"<script>alert(document.cookie)</script>"
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    assert "แฝง" in refused("photo.jpg", data[:2] + segment + data[2:])


def test_a_truncated_jpeg_is_refused():
    data = jpeg(1200, 900)
    assert "ไม่สมบูรณ์" in refused("cut.jpg", data[: len(data) // 2])


def test_a_truncated_webp_is_refused():
    data = photo_upload(width=800, height=600, fmt="WEBP").read()
    assert "ไม่สมบูรณ์" in refused("cut.webp", data[: len(data) // 2])


def test_a_corrupt_jpeg_with_garbage_in_place_of_its_image_data_is_refused():
    data = jpeg()
    assert "เสียหาย" in refused("bad.jpg", data[:200] + bytes(range(256)) * 20 + b"\xff\xd9")


def test_a_png_with_corrupt_compressed_data_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 200, 30)).save(out, "PNG")
    data = bytearray(out.getvalue())
    start = data.index(b"IDAT") + 8
    data[start : start + 40] = b"\x00" * 40
    assert "เสียหาย" in refused("bad.png", bytes(data))


def test_huge_dimensions_are_refused_before_decoding():
    out = io.BytesIO()
    Image.new("1", (13_000, 8)).save(out, "PNG")
    assert "พิกเซล" in refused("strip.png", out.getvalue())


def test_a_decompression_bomb_is_refused_before_decoding():
    """64 megapixels of one colour compress to a few kilobytes; decoding them would take 192 MB."""
    out = io.BytesIO()
    Image.new("1", (8000, 8000)).save(out, "PNG", optimize=True)
    assert len(out.getvalue()) < 200_000
    assert "ล้านพิกเซล" in refused("bomb.png", out.getvalue())


def test_random_bytes_are_refused():
    assert "ไม่ใช่รูปภาพ" in refused("noise.jpg", bytes(range(256)) * 64)
