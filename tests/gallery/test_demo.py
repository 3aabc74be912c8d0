"""The demo albums: seeds 003 and 004 with their titles, descriptions and photos drawn to exactly
the pixel sizes the seeds list, the first tied to เกาะขวาง; loading twice adds nothing."""

import json

import pytest
from django.urls import reverse

from chsd_portal.accounts.demo import load_demo_users
from gallery.demo.albums import DATA, load_demo_albums
from gallery.models import Album, Photo
from sites.demo.sites import load_demo_sites
from tests.geo_fixtures import geography  # noqa: F401
from tests.sites.factories import ensure_capacity_components

pytestmark = pytest.mark.django_db

SEED_003 = "ประเมินภายในประเด็นสุขภาวะกลุ่มชาติพันธุ์และกลุ่มเปราะบางทางสังคม กขป.เขต ๑๒"
SEED_004 = "ความร่วมมือในการพัฒนาระบบสุขภาพปฐมภูมิรองรับการถ่ายโอน รพ.สต.จังหวัดสงขลา"


def test_the_demo_albums_are_the_seeds_with_photos_of_exactly_their_sizes(client, geography):  # noqa: F811
    load_demo_users(password="x")
    ensure_capacity_components()
    load_demo_sites(password="x")
    load_demo_albums(password="x")
    load_demo_albums(password="x")
    data = {row["title"]: row for row in json.loads(DATA.read_text(encoding="utf-8"))["albums"]}
    assert set(data) == {SEED_003, SEED_004}
    assert Album.objects.count() == 2
    for title, row in data.items():
        album = Album.objects.get(title=title)
        sizes = [[p.width, p.height] for p in album.photos.order_by("position")]
        assert sizes == row["photos"]
        assert album.status == "published" and album.description == row["description"]
    first, second = Album.objects.get(title=SEED_003), Album.objects.get(title=SEED_004)
    assert len(data[SEED_003]["photos"]) == 28 and data[SEED_003]["photos"][0] == [1000, 750]
    assert data[SEED_003]["photos"][-1] == [2000, 1500]
    assert len(data[SEED_004]["photos"]) == 57 and data[SEED_004]["photos"][-1] == [1706, 960]
    assert first.site.name == "เกาะขวาง" and first.site.code == "220104"
    assert "วันที่ ๕ เมษายน ๒๕๖๔" in first.description and "ขอบคูณภาพจาก" in second.description
    assert Photo.objects.filter(taken_at__isnull=True).count() == 0
    page = client.get(reverse("sites:site-detail", args=["220104"])).content.decode()
    assert SEED_003 in page
    page = client.get(first.get_absolute_url()).content.decode()
    assert "1000x750 พิกเซล" in page and "2000x1500 พิกเซล" in page
