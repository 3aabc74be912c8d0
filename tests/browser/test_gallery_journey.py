"""The gallery's "Done when", in Chromium: staff upload 12 photos (one a corrupt file, one an HTML
page renamed .jpg) and are told which two failed and why; the album shows thumbnails with pixel
sizes and bytes; the lightbox steps through with the keyboard; a retried upload adds no
duplicates and a file cut off by the network is sent again with one button; without JavaScript
the album and the upload still work; a 390 px phone visit to a 60-photo album fetches under
1.5 MB of images.

Media files are served to the browser from the storage by a route (the live server serves only
static files), which also counts the bytes of every image it hands over."""

import mimetypes
from urllib.parse import unquote, urlparse

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from gallery.models import Photo
from tests.factories import UserFactory
from tests.gallery.factories import AlbumFactory, PhotoFactory, photo_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Media:
    """Serves MEDIA_URL from the default storage to one browser context, counting bytes."""

    def __init__(self, context):
        self.images: dict[str, int] = {}
        context.route("**" + settings.MEDIA_URL + "**", self.serve)

    def serve(self, route):
        name = unquote(urlparse(route.request.url).path)[len(settings.MEDIA_URL) :]
        if not default_storage.exists(name):
            route.fulfill(status=404, body="")
            return
        with default_storage.open(name) as handle:
            body = handle.read()
        self.images[name] = len(body)
        route.fulfill(
            status=200, body=body, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream"
        )


def open_page(browser, live_server, *, user=None, width=1440, javascript=True, density=1):
    context = browser.new_context(
        base_url=live_server.url,
        locale="th-TH",
        viewport={"width": width, "height": 900},
        device_scale_factor=density,
        java_script_enabled=javascript,
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    media = Media(context)
    page = context.new_page()
    page.set_default_timeout(30000)
    return context, page, media


def twelve_files():
    files = [
        {
            "name": f"IMG_{n:04d}.jpg",
            "mimeType": "image/jpeg",
            "buffer": photo_upload(width=1200, height=900, seed=500 + n).read(),
        }
        for n in range(10)
    ]
    whole = photo_upload(width=1200, height=900, seed=600).read()
    files.insert(4, {"name": "broken.jpg", "mimeType": "image/jpeg", "buffer": whole[: len(whole) // 3]})
    files.insert(
        8,
        {
            "name": "page.jpg",
            "mimeType": "image/jpeg",
            "buffer": b"<!DOCTYPE html><html><body>not a photo</body></html>",
        },
    )
    return files


def test_staff_upload_twelve_photos_see_which_two_failed_and_step_through_the_lightbox(browser, live_server):
    staff = UserFactory(username="staff1", role="staff")
    album = AlbumFactory(title="ลงพื้นที่เกาะขวาง")
    context, page, _media = open_page(browser, live_server, user=staff)
    page.goto(album.get_absolute_url())
    page.get_by_role("link", name="อัปโหลดรูป").click()
    page.get_by_label("รูป", exact=True).set_input_files(twelve_files())
    page.get_by_role("button", name="อัปโหลด", exact=True).click()
    summary = page.locator("#upload-summary")
    expect(summary).to_contain_text("อัปโหลดแล้ว 10 รูป ไม่สำเร็จ 2 ไฟล์", timeout=120_000)
    expect(summary).to_contain_text("broken.jpg, page.jpg")
    rows = page.locator("#upload-queue li")
    expect(rows).to_have_count(12)
    expect(rows.filter(has_text="broken.jpg")).to_contain_text("รูปภาพไม่สมบูรณ์หรือเสียหาย")
    expect(rows.filter(has_text="page.jpg")).to_contain_text("ไฟล์นี้เป็นหน้าเว็บหรือภาพวาด (HTML/SVG) ไม่ใช่รูปถ่าย")
    expect(rows.filter(has_text="IMG_0000.jpg")).to_contain_text("1200x900 พิกเซล")
    assert Photo.objects.filter(album=album).count() == 10

    # The same twelve again (a resumed upload): nothing is added twice.
    page.get_by_label("รูป", exact=True).set_input_files(twelve_files())
    page.get_by_role("button", name="อัปโหลด", exact=True).click()
    expect(summary).to_contain_text("อัปโหลดแล้ว 10 รูป ไม่สำเร็จ 2 ไฟล์", timeout=120_000)
    expect(rows.filter(has_text="มีอยู่ในรูปกิจกรรมแล้ว")).to_have_count(10)
    assert Photo.objects.filter(album=album).count() == 10

    page.goto(album.get_absolute_url())
    thumbnails = page.locator(".photo-grid img")
    expect(thumbnails).to_have_count(10)
    thumbnails.first.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => document.querySelector('.photo-grid img').complete && document.querySelector('.photo-grid img').naturalWidth > 0"
    )
    assert page.locator(".photo-grid img").first.evaluate("img => img.currentSrc").endswith(".webp")
    sizes = page.locator(".photo-size").all_inner_texts()
    first = Photo.objects.filter(album=album).order_by("position").first()
    assert sizes[0] == f"1200x900 พิกเซล , {first.bytes:,} ไบต์"

    page.locator(".photo-link").first.click()
    lightbox = page.locator(".pswp")
    expect(lightbox).to_be_visible()
    counter = page.locator(".pswp__counter")
    expect(counter).to_have_text("1 / 10")
    # Keys step once the opening animation has ended (static/js/gallery.js marks the grid).
    page.locator(".photo-grid[data-lightbox-open]").wait_for(state="attached")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text("2 / 10")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text("3 / 10")
    page.keyboard.press("ArrowLeft")
    expect(counter).to_have_text("2 / 10")
    expect(page.locator(".pswp__custom-caption")).to_contain_text("พิกเซล")
    expect(page.locator(".pswp--open .pswp__img").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(lightbox).to_have_count(0)
    context.close()


def test_a_file_cut_off_by_the_network_is_sent_again_with_one_button(browser, live_server):
    staff = UserFactory(username="staff1", role="staff")
    album = AlbumFactory()
    context, page, _media = open_page(browser, live_server, user=staff)
    upload_url = reverse("gallery:album-upload", args=[album.pk])
    cut = {"done": False}

    def flaky(route):
        if (
            route.request.method == "POST"
            and not cut["done"]
            and b"second.jpg" in (route.request.post_data_buffer or b"")
        ):
            cut["done"] = True
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**" + upload_url, flaky)
    page.goto(upload_url)
    files = [
        {"name": f"{word}.jpg", "mimeType": "image/jpeg", "buffer": photo_upload(seed=700 + n).read()}
        for n, word in enumerate(("first", "second", "third"))
    ]
    page.get_by_label("รูป", exact=True).set_input_files(files)
    page.get_by_role("button", name="อัปโหลด", exact=True).click()
    summary = page.locator("#upload-summary")
    expect(summary).to_contain_text("อัปโหลดแล้ว 2 รูป ไม่สำเร็จ 1 ไฟล์", timeout=60_000)
    expect(page.locator("#upload-queue li", has_text="second.jpg")).to_contain_text("การเชื่อมต่อขาดหาย")
    page.get_by_role("button", name="ส่งไฟล์ที่ยังไม่สำเร็จอีกครั้ง").click()
    expect(summary).to_contain_text("อัปโหลดแล้ว 3 รูป ไม่สำเร็จ 0 ไฟล์", timeout=60_000)
    assert sorted(Photo.objects.filter(album=album).values_list("original_name", flat=True)) == [
        "first.jpg",
        "second.jpg",
        "third.jpg",
    ]
    context.close()


def test_without_javascript_the_album_opens_photo_pages_and_the_upload_form_posts_every_file(
    browser, live_server
):
    staff = UserFactory(username="staff1", role="staff")
    album = AlbumFactory()
    PhotoFactory(album=album, seed=800)
    PhotoFactory(album=album, seed=801)
    context, page, _media = open_page(browser, live_server, user=staff, javascript=False)
    page.goto(album.get_absolute_url())
    page.locator(".photo-link").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("รูปที่ 1 จาก 2")
    page.get_by_role("link", name="รูปถัดไป").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("รูปที่ 2 จาก 2")
    page.goto(reverse("gallery:album-upload", args=[album.pk]))
    files = twelve_files()[3:6]  # two photos and the corrupt one
    page.get_by_label("รูป", exact=True).set_input_files(files)
    page.get_by_role("button", name="อัปโหลด", exact=True).click()
    expect(page.locator("#error-summary")).to_contain_text("broken.jpg")
    expect(page.locator(".upload-refused")).to_contain_text("รูปภาพไม่สมบูรณ์หรือเสียหาย")
    assert Photo.objects.filter(album=album).count() == 4
    context.close()


def test_a_phone_visit_to_an_album_of_60_photos_fetches_under_1_5_mb_of_images(browser, live_server):
    album = AlbumFactory(title="60 รูป")
    for seed in range(60):
        PhotoFactory(album=album, width=1600, height=1200, seed=900 + seed)
    context, page, media = open_page(browser, live_server, width=390, density=2)
    page.goto(album.get_absolute_url())
    # Scroll to the end a screen at a time, so every lazy thumbnail loads.
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 900, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(60)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => [...document.querySelectorAll('.photo-grid img')].every(i => i.complete)")
    thumbnails = [name for name in media.images if "/thumb-" in name]
    assert len(thumbnails) == 60
    assert all(name.endswith(".webp") for name in media.images)
    total = sum(media.images.values())
    assert total <= 1_500_000, f"{total:,} bytes of images"
    assert max(media.images.values()) <= 40_000
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
