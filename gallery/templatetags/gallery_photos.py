"""Drawing a photo on a page from its stored derivatives: <picture> with a WebP source and a
JPEG fallback, srcset/sizes so a phone fetches the small file, lazy loading, and the width and
height the layout reserves. Nothing is resized here: only stored files are named."""

from __future__ import annotations

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _

register = template.Library()

# The album grid's slot widths (templates/gallery/includes/photo_grid.html: 2, 3, 4, 6 columns).
GRID_SIZES = "(min-width: 1200px) 16vw, (min-width: 992px) 23vw, (min-width: 576px) 31vw, 47vw"
# An album card (list, related albums, home strip, site section).
CARD_SIZES = "(min-width: 1200px) 16vw, (min-width: 768px) 23vw, 47vw"
# The photo page's one photo.
DISPLAY_SIZES = "(min-width: 1400px) 1296px, (min-width: 1200px) 1116px, 100vw"


def srcset(files: list[dict]) -> str:
    return ", ".join(f"{default_storage.url(f['name'])} {f['width']}w" for f in files)


@register.inclusion_tag("gallery/includes/picture.html")
def photo_picture(photo, kind="thumb", sizes=GRID_SIZES, alt="", css="", eager=False):
    webp, jpeg = photo.files(kind, "webp"), photo.files(kind, "jpeg")
    if not jpeg:
        return {"missing": True}
    first = jpeg[0]
    return {
        "webp_srcset": srcset(webp),
        "jpeg_srcset": srcset(jpeg),
        "src": default_storage.url(first["name"]),
        "width": first["width"],
        "height": first["height"],
        "sizes": sizes,
        "alt": alt,
        "css": css,
        "eager": eager,
    }


@register.simple_tag
def lightbox_data(photo) -> dict:
    """What the lightbox script reads from a grid link: the display sizes in both formats."""
    webp, jpeg = photo.files("display", "webp"), photo.files("display", "jpeg")
    largest = jpeg[-1] if jpeg else {"width": photo.width, "height": photo.height}
    return {
        "webp": srcset(webp),
        "jpeg": srcset(jpeg),
        "webp_src": default_storage.url(webp[-1]["name"]) if webp else "",
        "jpeg_src": default_storage.url(jpeg[-1]["name"]) if jpeg else "",
        "width": largest["width"],
        "height": largest["height"],
    }


@register.filter
def size_line(photo) -> str:
    """The seeds' line under each photo: "1000x750 pixel , 134,231 bytes."."""
    return _("%(width)sx%(height)s pixels, %(bytes)s bytes") % {
        "width": photo.width,
        "height": photo.height,
        "bytes": intcomma(photo.bytes, use_l10n=False),
    }
