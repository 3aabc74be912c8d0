"""The album pages for every role: who sees drafts, who may create, upload, arrange, delete and
download; the upload's two ways (one file per request from the script, every file at once
without it); arrange; deletes that delete files; query counts pinned."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from gallery.models import Album, Photo
from tests.factories import user_in_role
from tests.gallery.factories import AlbumFactory, PhotoFactory, photo_upload
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db

ROLES = [None, "member", "mentor", "other-mentor", "staff", "admin"]


def stored_files() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT), Path(settings.GALLERY_ORIGINALS_ROOT)]
    return sorted(p for root in roots if root.exists() for p in root.rglob("*") if p.is_file())


@pytest.fixture
def site_album():
    """A site with its mentor, an album of the site with two photos, and a mentor of another site."""
    mentor = user_in_role("mentor", username="site-mentor")
    other = user_in_role("mentor", username="other-mentor")
    site = SiteFactory(mentors=[mentor])
    SiteFactory(mentors=[other])
    album = AlbumFactory(site=site)
    PhotoFactory(album=album, seed=1)
    PhotoFactory(album=album, seed=2)
    return {"site": site, "album": album, "mentor": mentor, "other-mentor": other}


def login(client, role, site_album):
    if role is None:
        return None
    user = site_album[role] if role in ("mentor", "other-mentor") else user_in_role(role)
    client.force_login(user)
    return user


# --- Seeing -------------------------------------------------------------------------------------


def test_the_album_page_shows_every_photo_with_its_pixel_size_and_bytes_as_the_seeds_do(client, site_album):
    album = site_album["album"]
    page = client.get(album.get_absolute_url()).content.decode()
    for photo in album.photos.all():
        assert f"960x720 พิกเซล , {photo.bytes:,} ไบต์" in page
    assert page.count("<picture>") == 2 and 'type="image/webp"' in page and 'loading="lazy"' in page
    assert "srcset=" in page and "sizes=" in page
    assert settings.MEDIA_URL + "gallery/" in page
    # Pages name derivatives only, never the original files.
    assert "albums/" + str(album.pk) not in page.replace(f"/albums/{album.pk}/", "")


@pytest.mark.parametrize(
    "role, sees",
    [(None, False), ("member", False), ("mentor", True), ("other-mentor", False), ("staff", True)],
)
def test_a_draft_album_is_seen_only_by_staff_and_its_sites_mentors(client, site_album, role, sees):
    Album.objects.filter(pk=site_album["album"].pk).update(status=Album.Status.DRAFT)
    login(client, role, site_album)
    assert client.get(site_album["album"].get_absolute_url()).status_code == (200 if sees else 404)
    listed = site_album["album"].title in client.get(reverse("gallery:album-list")).content.decode()
    assert listed is sees


def test_related_albums_put_shared_links_first_then_the_newest(client, site_album):
    import datetime as dt

    album = site_album["album"]
    newest_unrelated = AlbumFactory(title="ไม่เกี่ยวข้อง ใหม่สุด", date=dt.date(2024, 1, 1))
    same_site = AlbumFactory(title="พื้นที่เดียวกัน", site=site_album["site"], date=dt.date(2019, 1, 1))
    older_unrelated = AlbumFactory(title="ไม่เกี่ยวข้อง เก่า", date=dt.date(2018, 1, 1))
    AlbumFactory(title="ฉบับร่าง", site=site_album["site"], draft=True)
    from gallery.selectors.albums import related_albums

    assert related_albums(album, user=None) == [same_site, newest_unrelated, older_unrelated]


def test_one_photos_page_works_without_javascript_with_previous_and_next(client, site_album):
    first, second = site_album["album"].photos.order_by("position")
    page = client.get(
        reverse("gallery:photo-detail", args=[site_album["album"].pk, first.pk])
    ).content.decode()
    assert "รูปที่ 1 จาก 2" in page
    assert reverse("gallery:photo-detail", args=[site_album["album"].pk, second.pk]) in page
    assert "<picture>" in page


def test_the_site_page_shows_its_albums(client, site_album):
    page = client.get(reverse("sites:site-detail", args=[site_album["site"].code])).content.decode()
    assert site_album["album"].title in page and "รูปกิจกรรม" in page


def test_a_workshop_page_and_a_project_page_show_their_albums(client, site_album):
    from tests.meetings.factories import WorkshopFactory
    from tests.programmes.factories import ProjectFactory

    workshop = WorkshopFactory(site=site_album["site"])
    project = ProjectFactory()
    album = site_album["album"]
    Album.objects.filter(pk=album.pk).update(workshop=workshop, project=project)
    page = client.get(reverse("meetings:workshop-detail", args=[site_album["site"].code, workshop.number]))
    assert album.title in page.content.decode()
    page = client.get(reverse("programmes:project-detail", args=[project.code])).content.decode()
    assert album.title in page
    album_page = client.get(album.get_absolute_url()).content.decode()
    assert (
        project.name in album_page and reverse("programmes:project-detail", args=[project.code]) in album_page
    )


def test_the_home_page_shows_the_latest_albums_covers_and_the_menu_has_its_entry(client, site_album):
    page = client.get(reverse("programmes:home")).content.decode()
    assert "รูปกิจกรรมล่าสุด" in page and site_album["album"].title in page
    assert f'href="{reverse("gallery:album-list")}"' in page


# --- Changing: permissions per role ------------------------------------------------------------


@pytest.mark.parametrize(
    "role, allowed",
    [
        (None, False),
        ("member", False),
        ("mentor", True),
        ("other-mentor", False),
        ("staff", True),
        ("admin", True),
    ],
)
def test_only_staff_and_the_sites_mentors_may_change_an_album(client, site_album, role, allowed):
    album = site_album["album"]
    login(client, role, site_album)
    urls = [
        reverse("gallery:album-edit", args=[album.pk]),
        reverse("gallery:album-upload", args=[album.pk]),
        reverse("gallery:photo-arrange", args=[album.pk]),
        reverse("gallery:album-delete", args=[album.pk]),
        reverse("gallery:album-hashes", args=[album.pk]),
    ]
    for url in urls:
        response = client.get(url)
        expected = 200 if allowed else (302 if role is None else 403)
        assert response.status_code == expected, url
    response = client.post(
        reverse("gallery:album-upload", args=[album.pk]), {"photos": photo_upload("new.jpg", seed=9)}
    )
    assert (Photo.objects.filter(album=album).count() == 3) is allowed
    response = client.post(reverse("gallery:album-delete", args=[album.pk]))
    assert Album.objects.filter(pk=album.pk).exists() is not allowed


@pytest.mark.parametrize(
    "role, allowed",
    [(None, False), ("member", False), ("mentor", True), ("other-mentor", False), ("staff", True)],
)
def test_staff_create_albums_and_mentors_only_for_their_own_sites(client, site_album, role, allowed):
    login(client, role, site_album)
    url = reverse("gallery:album-create")
    assert client.get(url).status_code == (
        200 if role in ("mentor", "other-mentor", "staff") else (302 if role is None else 403)
    )
    data = {"title": "ลงพื้นที่", "date": "5/4/2564", "status": "published", "site": site_album["site"].pk}
    client.post(url, data)
    assert Album.objects.filter(title="ลงพื้นที่").exists() is allowed


def test_a_mentor_must_tie_an_album_to_one_of_their_sites(client, site_album):
    client.force_login(site_album["mentor"])
    response = client.post(
        reverse("gallery:album-create"), {"title": "ลงพื้นที่", "date": "5/4/2564", "status": "draft"}
    )
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert not Album.objects.filter(title="ลงพื้นที่").exists()


def test_the_album_form_reads_the_buddhist_era_date_and_a_project_code(client, site_album):
    from tests.programmes.factories import ProjectFactory

    project = ProjectFactory()
    client.force_login(user_in_role("staff"))
    response = client.post(
        reverse("gallery:album-create"),
        {"title": "ประเมินภายใน", "date": "5/4/2564", "status": "published", "project": project.code},
    )
    album = Album.objects.get(title="ประเมินภายใน")
    assert response.url == reverse("gallery:album-upload", args=[album.pk])
    assert str(album.date) == "2021-04-05" and album.project == project
    response = client.post(
        reverse("gallery:album-create"),
        {"title": "x", "date": "5/4/2564", "status": "draft", "project": "ไม่มี"},
    )
    assert "ไม่พบโครงการที่มีรหัสนี้" in response.content.decode()


def test_a_workshop_at_another_site_is_refused_and_a_workshop_alone_brings_its_site(client, site_album):
    from tests.meetings.factories import WorkshopFactory

    client.force_login(user_in_role("staff"))
    workshop = WorkshopFactory(site=site_album["site"])
    other_site = SiteFactory()
    url = reverse("gallery:album-create")
    response = client.post(
        url,
        {"title": "a", "date": "5/4/2564", "status": "draft", "workshop": workshop.pk, "site": other_site.pk},
    )
    assert "การประชุมกับพื้นที่นี้จัดที่พื้นที่ดำเนินการอื่น" in response.content.decode()
    client.post(url, {"title": "b", "date": "5/4/2564", "status": "draft", "workshop": workshop.pk})
    assert Album.objects.get(title="b").site == site_album["site"]


@pytest.mark.parametrize(
    "role, allowed", [(None, False), ("member", False), ("mentor", False), ("staff", True)]
)
def test_originals_download_only_for_staff_unless_the_album_allows_it(client, site_album, role, allowed):
    album = site_album["album"]
    photo = album.photos.first()
    login(client, role, site_album)
    url = reverse("gallery:photo-original", args=[album.pk, photo.pk])
    response = client.get(url)
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert b"".join(response.streaming_content) == photo.original.open("rb").read()
        assert "attachment" in response["Content-Disposition"]
    Album.objects.filter(pk=album.pk).update(originals_downloadable=True)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "role, allowed", [(None, False), ("mentor", False), ("staff", True), ("admin", True)]
)
def test_the_album_zip_is_for_staff_and_holds_every_original(client, site_album, role, allowed):
    album = site_album["album"]
    login(client, role, site_album)
    response = client.get(reverse("gallery:album-zip", args=[album.pk]))
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert response.streaming
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        assert archive.testzip() is None
        photos = list(album.photos.order_by("position"))
        assert archive.namelist() == [f"{n:03d}-{p.original_name}" for n, p in enumerate(photos, start=1)]
        assert archive.read(archive.namelist()[0]) == photos[0].original.open("rb").read()


# --- Upload --------------------------------------------------------------------------------------


def test_the_script_sends_one_file_per_request_and_gets_json_back(client, site_album):
    album = site_album["album"]
    client.force_login(user_in_role("staff"))
    url = reverse("gallery:album-upload", args=[album.pk])
    headers = {"X-Requested-With": "XMLHttpRequest"}
    good = client.post(url, {"photo": photo_upload("good.jpg", seed=20)}, headers=headers)
    assert good.status_code == 201 and good.json()["ok"] and "พิกเซล" in good.json()["size"]
    again = client.post(url, {"photo": photo_upload("good.jpg", seed=20)}, headers=headers)
    assert again.status_code == 200 and again.json()["duplicate"] is True
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = client.post(
        url, {"photo": SimpleUploadedFile("page.jpg", b"<html><body>x</body></html>")}, headers=headers
    )
    assert bad.status_code == 422 and bad.json() == {
        "ok": False,
        "name": "page.jpg",
        "error": "ไฟล์นี้เป็นหน้าเว็บหรือภาพวาด (HTML/SVG) ไม่ใช่รูปถ่าย",
    }
    assert album.photos.count() == 3
    hashes = client.get(reverse("gallery:album-hashes", args=[album.pk])).json()["hashes"]
    assert sorted(hashes) == sorted(album.photos.values_list("content_hash", flat=True))


def test_without_javascript_every_file_is_posted_at_once_and_the_bad_ones_are_named_with_reasons(
    client, site_album
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    album = site_album["album"]
    client.force_login(user_in_role("staff"))
    data = photo_upload("c.jpg", seed=30).read()
    files = [
        photo_upload("a.jpg", seed=31),
        SimpleUploadedFile("broken.jpg", data[: len(data) // 2]),
        photo_upload("b.png", seed=32, fmt="PNG"),
        SimpleUploadedFile("page.jpg", b"<!doctype html><html></html>"),
    ]
    response = client.post(reverse("gallery:album-upload", args=[album.pk]), {"photos": files})
    page = response.content.decode()
    assert response.status_code == 200 and 'id="error-summary"' in page
    assert "มี 2 ไฟล์ที่อัปโหลดไม่สำเร็จ: broken.jpg, page.jpg" in page
    assert "<strong>broken.jpg</strong>: รูปภาพไม่สมบูรณ์หรือเสียหาย" in page
    assert "<strong>page.jpg</strong>: ไฟล์นี้เป็นหน้าเว็บ" in page
    assert set(album.photos.values_list("original_name", flat=True)) == {
        "photo-1.jpg",
        "photo-2.jpg",
        "a.jpg",
        "b.png",
    }


def test_an_upload_over_the_per_upload_limit_is_refused_whole(client, site_album, settings):
    album = site_album["album"]
    settings.GALLERY_MAX_UPLOAD_BYTES = 50_000
    client.force_login(user_in_role("staff"))
    before = stored_files()
    files = [photo_upload(f"{n}.jpg", width=1200, height=900, seed=40 + n) for n in range(3)]
    response = client.post(reverse("gallery:album-upload", args=[album.pk]), {"photos": files})
    assert response.status_code == 413 and "รวมกันได้ไม่เกิน" in response.content.decode()
    assert album.photos.count() == 2 and stored_files() == before


def test_posting_no_file_says_to_choose_one(client, site_album):
    client.force_login(user_in_role("staff"))
    response = client.post(reverse("gallery:album-upload", args=[site_album["album"].pk]), {})
    assert "เลือกรูปอย่างน้อยหนึ่งรูป" in response.content.decode()


# --- Arrange and delete ---------------------------------------------------------------------------


def arrange_data(photos, **changes):
    data = {
        "photos-TOTAL_FORMS": len(photos),
        "photos-INITIAL_FORMS": len(photos),
        "photos-MIN_NUM_FORMS": 0,
        "photos-MAX_NUM_FORMS": 1000,
    }
    for index, photo in enumerate(photos):
        data[f"photos-{index}-id"] = photo.pk
        data[f"photos-{index}-caption"] = photo.caption
        data[f"photos-{index}-position"] = photo.position
    data.update(changes)
    return data


def test_arrange_reorders_captions_picks_the_cover_and_deletes_with_its_files(
    client, site_album, django_capture_on_commit_callbacks
):
    album = site_album["album"]
    third = PhotoFactory(album=album, seed=3)
    first, second = list(album.photos.order_by("position"))[:2]
    client.force_login(site_album["mentor"])
    data = arrange_data(
        [first, second, third],
        **{
            "photos-0-position": 3,
            "photos-1-caption": "ผู้เข้าร่วมประชุม",
            "photos-2-DELETE": "on",
            "cover": second.pk,
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("gallery:photo-arrange", args=[album.pk]), data)
    assert response.status_code == 302
    assert list(album.photos.order_by("position").values_list("pk", "position", "caption")) == [
        (second.pk, 1, "ผู้เข้าร่วมประชุม"),
        (first.pk, 2, ""),
    ]
    album.refresh_from_db()
    assert album.cover_id == second.pk
    assert not Path(settings.GALLERY_ORIGINALS_ROOT, third.original.name).exists()
    assert not any(default_storage.exists(name) for name in third.derivative_names())


def test_arrange_with_a_bad_order_number_saves_nothing(client, site_album):
    album = site_album["album"]
    photos = list(album.photos.order_by("position"))
    client.force_login(user_in_role("staff"))
    data = arrange_data(
        photos, **{"photos-0-position": "x", "photos-1-caption": "เปลี่ยน", "photos-1-DELETE": "on"}
    )
    response = client.post(reverse("gallery:photo-arrange", args=[album.pk]), data)
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert album.photos.count() == 2 and not album.photos.filter(caption="เปลี่ยน").exists()


def test_deleting_an_album_deletes_every_file_of_its_photos(
    client, site_album, django_capture_on_commit_callbacks
):
    album = site_album["album"]
    other = AlbumFactory()
    PhotoFactory(album=other, seed=50)
    kept = [p for p in stored_files() if other.photos.first().key.hex in str(p)]
    client.force_login(user_in_role("staff"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("gallery:album-delete", args=[album.pk]))
    assert (
        not Album.objects.filter(pk=album.pk).exists()
        and Photo.objects.filter(album_id=album.pk).count() == 0
    )
    # The other album's original, its 4 thumbnails and its one display size (960 px: never enlarged) in 2 formats.
    assert stored_files() == sorted(kept) and len(kept) == 7


def test_a_rolled_back_delete_keeps_the_files(site_album):
    from django.db import transaction

    from gallery.services.delete import album_delete

    before, pk = stored_files(), site_album["album"].pk
    with pytest.raises(RuntimeError), transaction.atomic():
        album_delete(album=site_album["album"])
        raise RuntimeError
    assert stored_files() == before and Album.objects.filter(pk=pk).exists()


# --- Queries and bytes ----------------------------------------------------------------------------


# Visitor: the page cache's data versions, the albums (and their count on the list), the album's
# photos and related albums on its page, and the menu's two reads. A mentor adds the session, the
# user, their roles (and sites); staff their roles.
@pytest.mark.parametrize(
    "role, list_queries, page_queries", [(None, 5, 6), ("mentor", 8, 9), ("staff", 7, 8)]
)
def test_the_album_list_and_page_cost_a_fixed_number_of_queries(
    client, site_album, role, list_queries, page_queries, django_assert_num_queries
):
    album = site_album["album"]
    login(client, role, site_album)
    urls = {reverse("gallery:album-list"): list_queries, album.get_absolute_url(): page_queries}
    for url, count in urls.items():
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200
    for n in range(12):
        other = AlbumFactory(site=site_album["site"] if n % 2 else None)
        PhotoFactory(album=other, seed=100 + n)
    for n in range(6):
        PhotoFactory(album=album, seed=200 + n)
    for url, count in urls.items():
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200


def test_an_album_tied_to_a_meeting_article_shows_on_both_sides(client, site_album):
    from tests.meetings.factories import ArticleFactory

    article = ArticleFactory(title="ประชุมทีมพี่เลี้ยง")
    album = site_album["album"]
    Album.objects.filter(pk=album.pk).update(article=article)
    page = client.get(album.get_absolute_url()).content.decode()
    assert reverse("meetings:article-detail", args=[article.pk]) in page and "ข่าว/ประชุม" in page
    page = client.get(article.get_absolute_url()).content.decode()
    assert album.title in page


def test_the_album_form_ties_an_album_to_an_article(client, site_album):
    from tests.meetings.factories import ArticleFactory

    article = ArticleFactory()
    client.force_login(user_in_role("staff"))
    client.post(
        reverse("gallery:album-create"),
        {"title": "ภาพประชุม", "date": "20/9/2555", "status": "draft", "article": article.pk},
    )
    assert Album.objects.get(title="ภาพประชุม").article == article


def test_related_albums_put_the_same_article_first(site_album):
    import datetime as dt

    from gallery.selectors.albums import related_albums
    from tests.meetings.factories import ArticleFactory

    article = ArticleFactory()
    album = AlbumFactory(article=article)
    newer = AlbumFactory(date=dt.date(2025, 1, 1))
    same_article = AlbumFactory(article=article, date=dt.date(2010, 1, 1))
    assert related_albums(album, user=None)[:2] == [same_article, newer]
