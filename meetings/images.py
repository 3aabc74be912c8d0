"""Pictures uploaded into articles: what a file really is, read with Pillow from its bytes (never
its name), and the resized copies pages serve instead of the original.

Refused: anything Pillow cannot open and verify as JPEG, PNG, WebP or GIF, a file over
ARTICLE_IMAGE_MAX_BYTES, and a picture of more than MAX_PIXELS (a decompression bomb: a small
file that would take gigabytes to decode). The copies are re-encoded as JPEG, turned the way the
camera held them, and carry no metadata (no GPS position from a phone's photo)."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 60_000_000
SIZES = {"large": 1600, "small": 640}  # the longest side, in pixels
JPEG_QUALITY = 85


class NotAnImage(ValueError):
    """The upload is not a picture we accept."""


@dataclass(frozen=True)
class CheckedImage:
    format: str
    width: int
    height: int


def check_image(upload) -> CheckedImage:
    """The picture's real format and size, or NotAnImage. Leaves the file at its start."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as picture:
                picture_format, (width, height) = picture.format, picture.size
                if width * height > MAX_PIXELS:
                    raise NotAnImage("too many pixels")
                picture.verify()
    except NotAnImage:
        raise
    except (
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as error:
        raise NotAnImage(str(error)) from error
    finally:
        upload.seek(0)
    if picture_format not in FORMATS:
        raise NotAnImage(picture_format or "unknown")
    return CheckedImage(picture_format, width, height)


def resized_copies(upload) -> dict[str, tuple[bytes, int, int]]:
    """{"large": (jpeg bytes, width, height), "small": …}: never larger than the original."""
    upload.seek(0)
    with Image.open(upload) as picture:
        picture.load()
        picture = ImageOps.exif_transpose(picture)
        if picture.mode in ("RGBA", "LA", "P"):
            picture = picture.convert("RGBA")
            background = Image.new("RGB", picture.size, "white")
            background.paste(picture, mask=picture.getchannel("A"))
            picture = background
        elif picture.mode != "RGB":
            picture = picture.convert("RGB")
        copies = {}
        for name, longest in SIZES.items():
            copy = picture.copy()
            copy.thumbnail((longest, longest), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            copies[name] = (buffer.getvalue(), copy.width, copy.height)
    upload.seek(0)
    return copies
