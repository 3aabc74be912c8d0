"""The sizes pages serve, made once when a photo is ingested and stored through the storage API;
no page view ever resizes anything.

- thumbnails: 4:3 crops, 240 and 480 pixels wide, for the album grid (a phone's 3-column grid
  at 2x density takes the 240; a laptop's the 480). Each is encoded at the best quality that
  fits GALLERY_THUMB_MAX_BYTES (24,000 bytes by default: 60 of them stay under 1.5 MB even
  when a dense phone screen picks the larger one).
- display sizes: the whole photo with its long edge at most 1024 and 1600 pixels (never
  enlarged), for the lightbox and the photo page.

Every size is written as WebP and as JPEG (for browsers without WebP, through <picture>). The
image is already upright (EXIF orientation applied) and is written with no EXIF, XMP or GPS:
only its colour profile is kept.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

THUMB_WIDTHS = (480, 240)  # widest first: each is made from the one before
THUMB_RATIO = (4, 3)
DISPLAY_EDGES = (1600, 1024)
FORMATS = ("webp", "jpeg")
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}
PIL_FORMATS = {"webp": "WEBP", "jpeg": "JPEG"}
DISPLAY_QUALITY = {"webp": 78, "jpeg": 82}
# Tried in turn until a thumbnail fits its byte budget.
THUMB_QUALITIES = {"webp": (78, 68, 58, 48, 38, 28), "jpeg": (82, 72, 62, 52, 42, 32)}


@dataclass
class Rendered:
    kind: str  # "thumb" or "display"
    format: str  # "webp" or "jpeg"
    width: int
    height: int
    data: bytes


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: transparency has no meaning in a photo, and JPEG has none."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image


def _cover(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The centre of `image` cut to the shape of `size` and scaled to it, in one resize."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    crop_w, crop_h = width / scale, height / scale
    left, top = (image.width - crop_w) / 2, (image.height - crop_h) / 2
    return image.resize(
        size, Image.Resampling.LANCZOS, box=(left, top, left + crop_w, top + crop_h), reducing_gap=2.0
    )


def _encode(
    image: Image.Image, fmt: str, quality: int, icc_profile: bytes | None, *, effort: int = 4
) -> bytes:
    out = io.BytesIO()
    options = {"quality": quality}
    if fmt == "jpeg":
        options.update(optimize=True, progressive=True)
    else:
        # libwebp's effort (0-6): the big display sizes at 1 cost a third of the time of 4 for
        # 1-2 % more bytes; the small thumbnails, whose bytes a page multiplies by 60, at 4.
        options.update(method=effort)
    if icc_profile:
        options["icc_profile"] = icc_profile
    # exif=b"" and an empty info: nothing of the camera's metadata is carried over.
    image.info = {}
    image.save(out, PIL_FORMATS[fmt], exif=b"", **options)
    return out.getvalue()


def _encode_within(image: Image.Image, fmt: str, budget: int, icc_profile: bytes | None) -> bytes:
    for quality in THUMB_QUALITIES[fmt]:
        data = _encode(image, fmt, quality, icc_profile)
        if len(data) <= budget:
            return data
    return data  # the lowest quality; a 480×360 photo at it is far below any budget in practice


def render(image: Image.Image, *, icc_profile: bytes | None = None) -> list[Rendered]:
    """Every derivative of an upright image, as bytes."""
    image = _flatten(image)
    budget = settings.GALLERY_THUMB_MAX_BYTES
    rendered: list[Rendered] = []

    # Each size is made from the one before it (1600, then 1024, then the thumbnails from the
    # 1024), not from the original: the later resizes read far fewer pixels.
    source, seen = image, set()
    for edge in DISPLAY_EDGES:
        scale = min(1.0, edge / max(source.size))
        size = (max(1, round(source.width * scale)), max(1, round(source.height * scale)))
        if size in seen:
            continue
        seen.add(size)
        shown = (
            source if size == source.size else source.resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
        )
        for fmt in FORMATS:
            rendered.append(
                Rendered(
                    "display", fmt, *size, _encode(shown, fmt, DISPLAY_QUALITY[fmt], icc_profile, effort=1)
                )
            )
        source = shown

    for width in THUMB_WIDTHS:
        height = width * THUMB_RATIO[1] // THUMB_RATIO[0]
        thumb = _cover(source, (width, height))
        for fmt in FORMATS:
            rendered.append(
                Rendered("thumb", fmt, width, height, _encode_within(thumb, fmt, budget, icc_profile))
            )
        source = thumb
    return rendered


def derivative_name(*, album_id: int, key_hex: str, item: Rendered) -> str:
    return f"gallery/{album_id}/{key_hex}/{item.kind}-{item.width}x{item.height}.{EXTENSIONS[item.format]}"


def derivatives_store(*, album_id: int, key_hex: str, rendered: list[Rendered]) -> list[dict]:
    """Write the rendered files to the default storage; the list Photo.derivatives keeps. On a
    failure part-way, what was written is removed before the error goes on."""
    stored: list[dict] = []
    try:
        for item in rendered:
            name = default_storage.save(
                derivative_name(album_id=album_id, key_hex=key_hex, item=item), ContentFile(item.data)
            )
            stored.append(
                {
                    "kind": item.kind,
                    "format": item.format,
                    "width": item.width,
                    "height": item.height,
                    "name": name,
                    "bytes": len(item.data),
                }
            )
    except Exception:
        derivatives_delete(names=[d["name"] for d in stored])
        raise
    return stored


def derivatives_delete(*, names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
