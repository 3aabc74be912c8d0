"""What an album page of 60 photos costs a phone: the files its <picture> elements make a 390 px
screen fetch (each srcset resolved against its sizes as a browser does, at 2x and 3x density),
summed from the stored derivatives. At most 1.5 MB of images, each thumbnail at most 40 KB."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.core.files.storage import default_storage

from tests.gallery.factories import AlbumFactory, PhotoFactory

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 1_500_000
THUMB_BUDGET = 40_000
PHONE = 390


class Pictures(HTMLParser):
    """Each <picture>'s sources and its <img>: [{"type", "srcset", "sizes"}, ...]."""

    def __init__(self):
        super().__init__()
        self.pictures, self.current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.current = []
        elif tag in ("source", "img") and self.current is not None:
            self.current.append(
                {
                    "type": attrs.get("type", "image/jpeg"),
                    "srcset": attrs.get("srcset", ""),
                    "sizes": attrs.get("sizes", ""),
                }
            )
            if tag == "img":
                self.pictures.append(self.current)
                self.current = None


def slot_width(sizes: str, viewport: int) -> float:
    """The width `sizes` gives the image at `viewport` CSS pixels ("(min-width: 992px) 23vw, 47vw")."""
    for entry in (part.strip() for part in sizes.split(",")):
        match = re.fullmatch(r"(?:\(min-width:\s*(\d+)px\)\s+)?([\d.]+)(vw|px)", entry)
        assert match, entry
        minimum, value, unit = match.groups()
        if minimum is None or viewport >= int(minimum):
            return float(value) * (viewport / 100 if unit == "vw" else 1)
    return viewport


def chosen(srcset: str, sizes: str, viewport: int, density: float) -> str:
    """The candidate a browser fetches: the narrowest at least as wide as the slot times the
    screen's density, else the widest."""
    candidates = sorted((int(w), url) for url, w in re.findall(r"(\S+) (\d+)w", srcset))
    needed = slot_width(sizes, viewport) * density
    return next((url for width, url in candidates if width >= needed), candidates[-1][1])


def size_of(url: str) -> int:
    assert url.startswith(settings.MEDIA_URL), url
    return default_storage.size(url[len(settings.MEDIA_URL) :])


@pytest.fixture(scope="module")
def sixty(django_db_setup, django_db_blocker, tmp_path_factory):
    """An album of 60 grainy 2000×1500 photos (the seeds' largest), made once for the module."""
    from django.test import override_settings

    folder = tmp_path_factory.mktemp("sixty")
    roots = {"MEDIA_ROOT": folder / "media", "GALLERY_ORIGINALS_ROOT": folder / "originals"}
    with django_db_blocker.unblock(), override_settings(**roots):
        album = AlbumFactory(title="60 รูป")
        for seed in range(60):
            PhotoFactory(album=album, width=2000, height=1500, seed=1000 + seed)
    yield album, roots
    with django_db_blocker.unblock():
        album.delete()


@pytest.fixture
def sixty_photos(sixty, settings):
    album, roots = sixty
    for name, value in roots.items():
        setattr(settings, name, value)
    return album


@pytest.mark.parametrize("density", [2, 3])
@pytest.mark.parametrize("webp", [True, False])
def test_a_phone_fetches_at_most_1_5_mb_of_images_for_an_album_of_60_photos(
    client, sixty_photos, density, webp
):
    page = client.get(sixty_photos.get_absolute_url()).content.decode()
    parser = Pictures()
    parser.feed(page)
    assert len(parser.pictures) == 60
    fetched = []
    for picture in parser.pictures:
        source = next(s for s in picture if s["type"] == "image/webp") if webp else picture[-1]
        fetched.append(size_of(chosen(source["srcset"], source["sizes"], PHONE, density)))
    assert max(fetched) <= THUMB_BUDGET
    print(
        f"60 photos, {PHONE} px at {density}x, {'WebP' if webp else 'JPEG'}: {sum(fetched):,} bytes, largest {max(fetched):,}"
    )
    assert sum(fetched) <= PAGE_BUDGET, f"{sum(fetched):,} bytes"


def test_every_thumbnail_file_of_the_album_is_at_most_40_kb(sixty_photos):
    sizes = [
        d["bytes"] for photo in sixty_photos.photos.all() for d in photo.derivatives if d["kind"] == "thumb"
    ]
    assert len(sizes) == 240 and max(sizes) <= THUMB_BUDGET


def test_the_resolver_picks_what_a_browser_would():
    srcset = "/m/a.webp 240w, /m/b.webp 480w"
    sizes = "(min-width: 1200px) 16vw, (min-width: 992px) 23vw, (min-width: 576px) 31vw, 47vw"
    assert chosen(srcset, sizes, 390, 1) == "/m/a.webp"  # 183 px slot
    assert chosen(srcset, sizes, 390, 2) == "/m/b.webp"
    assert chosen(srcset, sizes, 1440, 1) == "/m/a.webp"  # 230 px slot
