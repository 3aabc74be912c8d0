"""What an uploaded photo really is, read from its bytes, never from its name or the browser's
word: JPEG, PNG, WebP (and HEIC from phones when pillow-heif is installed) by their signatures,
then opened by Pillow restricted to that one format. Each refusal says why in Thai.

Checked in this order, so the cheapest reasons come first and nothing is decoded that could
exhaust memory: empty, too big, not an image (HTML and SVG named as such), an extension that is
not the content's, something else hidden in it (a polyglot: markup anywhere, a ZIP or PDF after
the image's end), dimensions over the limits (read from the header, before decoding: a
decompression bomb never decodes), and last a full decode that finds truncated or corrupt data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC from phones, when the pillow-heif wheel is installed (requirements.txt)
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - the wheel is pinned; this keeps the portal running without it
    HEIF_AVAILABLE = False

# The extensions each format may carry (phones write .JPG, .jpeg and .heic).
EXTENSIONS = {
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "png": {"png"},
    "webp": {"webp"},
    "heif": {"heic", "heif"},
}
PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heif": "HEIF"}
LABELS = {"jpeg": "JPEG", "png": "PNG", "webp": "WebP", "heif": "HEIC"}
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}

# Markup a browser or another program could run: never part of a photo.
MARKUP = re.compile(rb"<(?:script|html|svg|body|iframe|object|embed|\?php|!doctype)[\s>/]|javascript:", re.I)
# Another format's signature after the image's end: a ZIP (a GIFAR, a JAR), a PDF.
OTHER_FORMATS = (b"PK\x03\x04", b"PK\x05\x06", b"%PDF-")

EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 36867
EXIF_OFFSET_TIME_ORIGINAL = 36881
EXIF_DATETIME = 306


class Rejected(Exception):
    """An upload refused, with the reason in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class CheckedImage:
    format: str  # a Photo.Format value
    data: bytes
    sha256: str
    image: Image.Image  # decoded, turned upright by its EXIF orientation
    width: int  # of the upright image
    height: int
    taken_at: dt.datetime | None
    icc_profile: bytes | None


def sniff(head: bytes) -> str | None:
    """The format the first bytes announce, or None."""
    if head[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if head[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if HEIF_AVAILABLE and head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "heif"
    return None


def image_end(data: bytes, kind: str) -> int:
    """Where the image's own bytes end (what follows is something else); -1 when the end the
    format requires is missing (a truncated file)."""
    if kind == "jpeg":
        end = data.rfind(b"\xff\xd9")
        return end + 2 if end >= 0 else -1
    if kind == "png":
        end = data.rfind(b"IEND")
        return end + 8 if end >= 0 else -1  # the chunk's type, then its 4-byte CRC
    if kind == "webp":
        end = int.from_bytes(data[4:8], "little") + 8
        return end if end <= len(data) else -1
    return len(data)  # HEIF: boxes to the end


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_upload(upload, *, name: str) -> CheckedImage:
    """Read and check one uploaded file (a Django UploadedFile or any binary file object)."""
    size = getattr(upload, "size", None)
    if size == 0:
        raise Rejected(_("The file is empty (0 bytes)."))
    limit = settings.GALLERY_MAX_FILE_BYTES
    if size is not None and size > limit:
        raise Rejected(
            _("The file is %(size)s; a photo may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if not data:
        raise Rejected(_("The file is empty (0 bytes)."))
    if len(data) > limit:
        raise Rejected(_("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)})

    kind = sniff(data[:16])
    if kind is None:
        if MARKUP.search(data[:4096]) or data.lstrip()[:1] == b"<":
            raise Rejected(_("This is a web page or drawing (HTML/SVG), not a photo."))
        raise Rejected(_("This is not a JPEG, PNG or WebP image."))
    extension = extension_of(name)
    if extension not in EXTENSIONS[kind]:
        raise Rejected(
            _("The file's extension (.%(extension)s) does not match its content (%(kind)s).")
            % {"extension": extension or "-", "kind": LABELS[kind]}
        )
    end = image_end(data, kind)
    if end < 0:
        raise Rejected(_("The image is incomplete or damaged (the file is cut short)."))
    if MARKUP.search(data) or any(signature in data[end:] for signature in OTHER_FORMATS):
        raise Rejected(_("Something other than a photo is hidden in this file."))

    pil_format = PIL_FORMATS[kind]
    try:
        with Image.open(io.BytesIO(data), formats=[pil_format]) as probe:
            width, height = probe.size
            _check_dimensions(width, height)
            probe.verify()
        image = Image.open(io.BytesIO(data), formats=[pil_format])
        image.load()
    except Rejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError, EOFError):
        raise Rejected(_("The image is incomplete or damaged and cannot be opened.")) from None

    taken_at = _taken_at(image)
    icc_profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)
    return CheckedImage(
        format=kind,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        image=upright,
        width=upright.width,
        height=upright.height,
        taken_at=taken_at,
        icc_profile=icc_profile,
    )


def _check_dimensions(width: int, height: int) -> None:
    max_pixels, max_side = settings.GALLERY_MAX_PIXELS, settings.GALLERY_MAX_SIDE
    if width * height > max_pixels or max(width, height) > max_side:
        raise Rejected(
            _(
                "The image is %(width)s×%(height)s pixels; the largest accepted is %(megapixels)s "
                "megapixels with no side over %(side)s pixels."
            )
            % {
                "width": f"{width:,}",
                "height": f"{height:,}",
                "megapixels": f"{max_pixels // 1_000_000:,}",
                "side": f"{max_side:,}",
            }
        )


def _taken_at(image: Image.Image) -> dt.datetime | None:
    """When the camera says the photo was taken (EXIF DateTimeOriginal, else DateTime), in its
    recorded offset when there is one, else the portal's time zone."""
    try:
        exif = image.getexif()
        sub = exif.get_ifd(EXIF_IFD)
        raw = sub.get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
        if not raw:
            return None
        taken = dt.datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
        offset = sub.get(EXIF_OFFSET_TIME_ORIGINAL)
        if offset:
            return dt.datetime.strptime(
                f"{taken:%Y-%m-%d %H:%M:%S}{str(offset).strip()}", "%Y-%m-%d %H:%M:%S%z"
            )
        return timezone.make_aware(taken)
    except (ValueError, TypeError, KeyError, OverflowError):
        return None
