"""Albums in the search (chsd_portal/search): found by their title, description and photos'
captions; a draft only by staff and its site's mentors; the arrange page's captions reach the
index, and a deleted album leaves it."""

import pytest
from django.urls import reverse

from chsd_portal.search.models import SearchDocument
from gallery.models import Photo
from tests.factories import user_in_role
from tests.gallery.factories import AlbumFactory, PhotoFactory
from tests.gallery.test_views import arrange_data
from tests.search.factories import found_titles
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db


def test_an_album_is_found_by_its_description_and_its_captions():
    album = AlbumFactory(title="ลงพื้นที่เกาะขวาง", description="ประชุมกองทุนสุขภาพตำบล")
    PhotoFactory(album=album, caption="อาสาสมัครสาธารณสุขเยี่ยมบ้าน")
    assert found_titles("กองทุนสุขภาพ") == ["ลงพื้นที่เกาะขวาง"]
    assert found_titles("เยี่ยมบ้าน") == ["ลงพื้นที่เกาะขวาง"]
    assert SearchDocument.objects.get(kind="gallery.album").url == album.get_absolute_url()


def test_a_draft_album_is_found_only_by_staff_and_its_sites_mentors():
    mentor = user_in_role("mentor")
    AlbumFactory(
        title="ฉบับร่างรูปกิจกรรม", description="ประชุมลับ", draft=True, site=SiteFactory(mentors=[mentor])
    )
    assert found_titles("ประชุมลับ") == []
    assert found_titles("ประชุมลับ", user_in_role("member")) == []
    assert found_titles("ประชุมลับ", mentor) == ["ฉบับร่างรูปกิจกรรม"]
    assert found_titles("ประชุมลับ", user_in_role("staff")) == ["ฉบับร่างรูปกิจกรรม"]


def test_captions_typed_on_the_arrange_page_are_found_and_a_deleted_album_is_not(
    client, django_capture_on_commit_callbacks
):
    album = AlbumFactory(title="รูปประชุม")
    PhotoFactory(album=album)
    client.force_login(user_in_role("staff"))
    photos = list(Photo.objects.filter(album=album))
    client.post(
        reverse("gallery:photo-arrange", args=[album.pk]),
        arrange_data(photos, **{"photos-0-caption": "ผู้ใหญ่บ้านกล่าวเปิดงาน"}),
    )
    assert found_titles("กล่าวเปิดงาน") == ["รูปประชุม"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("gallery:album-delete", args=[album.pk]))
    assert (
        found_titles("กล่าวเปิดงาน") == [] and not SearchDocument.objects.filter(kind="gallery.album").exists()
    )
