"""ข่าว/ประชุม tried as a new user would (issue 10's "done when"): a visitor opens the menu's
ข่าว/ประชุม, reads seed 002's article with its lists intact and อ่าน N; a reload keeps N, a new
browser raises it by one; the printed page has no menu or buttons but has the date and the
page's address; the LINE link carries the article's address. Staff write an article with a
heading, a list and a photo through the editor (toolbar, live preview, upload), and a <script>
typed into the body never reaches a reader."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from meetings.models import Article, ArticleImage
from tests.browser.test_accounts_browser import assert_no_axe_violations
from tests.conftest import login_in_browser
from tests.factories import PASSWORD
from tests.key_pages import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _context(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, locale="th-TH", **options)
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def _read_count(page) -> int:
    return int(re.search(r"อ่าน (\d+)", page.locator(".article-read-count").inner_text()).group(1))


def test_a_visitor_reads_prints_and_shares_the_seed_article(browser, live_server):
    load_demo()
    context, page = _context(browser, live_server, viewport=PHONE, is_mobile=True)
    page.goto("/")
    page.get_by_role("button", name="เปิดเมนู").click()
    page.get_by_role("link", name="ข่าว/ประชุม", exact=True).click()
    expect(page.get_by_role("heading", name="ข่าว/ประชุม", level=1)).to_be_visible()
    page.get_by_role("heading", name="ประชุมทีมพี่เลี้ยง", exact=True, level=2).get_by_role("link").click()
    expect(page.get_by_role("heading", name="ประชุมทีมพี่เลี้ยง", level=1)).to_be_visible()
    body = page.locator(".article-body")
    expect(body.locator("ol").first.locator(":scope > li")).to_have_count(4)
    expect(body.get_by_role("heading", name="ภาคใต้")).to_be_visible()
    expect(body.locator("ul li", has_text="วิเคราะห์ทุน")).to_be_visible()
    expect(page.get_by_text("20 กันยายน 2555")).to_be_visible()
    count = _read_count(page)
    assert count == 1461  # the old site's 1460, and this browser
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_no_axe_violations(page)

    page.reload()
    assert _read_count(page) == count
    other_context, other = _context(browser, live_server, viewport={"width": 1440, "height": 900})
    other.goto(page.url)
    assert _read_count(other) == count + 1
    other_context.close()

    line = page.locator("a.share-line").get_attribute("href")
    assert parse_qs(urlsplit(line).query)["url"] == [page.url]
    assert (
        page.locator("a.share-facebook")
        .get_attribute("href")
        .endswith("u=" + page.url.replace(":", "%3A").replace("/", "%2F"))
    )
    expect(page.get_by_role("button", name="พิมพ์")).to_be_visible()

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".article-actions")).to_be_hidden()
    assert page.locator(".site-header:visible, nav:visible, form:visible, .search-bar:visible").count() == 0
    assert page.locator("button:visible, .btn:visible").count() == 0
    expect(page.locator(".article-print-address")).to_contain_text(page.url)
    expect(page.get_by_text("20 กันยายน 2555")).to_be_visible()
    expect(body.get_by_text("เครื่องมือสื่อสารกลาง Face Book")).to_be_visible()  # the text in full
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()


def _photo(path):
    Image.new("RGB", (2400, 1600), (40, 110, 160)).save(path, "JPEG")
    return path


def test_staff_write_an_article_with_a_heading_a_list_and_a_photo(browser, live_server, staff_user, tmp_path):
    load_demo()
    context, page = _context(browser, live_server, viewport={"width": 1440, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login_in_browser(page, staff_user.username, PASSWORD)
    page.goto(reverse("meetings:article-list"))
    page.get_by_role("link", name="เขียนเรื่องใหม่").click()
    page.get_by_label("ชื่อเรื่อง").fill("เวทีแลกเปลี่ยนเรียนรู้ภาคใต้")
    page.get_by_label("วันที่").fill("1/10/2555")
    page.get_by_label("สถานะ").select_option("published")
    box = page.get_by_label("เนื้อหา")
    box.click()
    page.get_by_role("button", name="หัวข้อ", exact=True).click()
    page.keyboard.type("บรรยากาศ")  # replaces the selected sample heading
    page.keyboard.type("\n\n")
    page.get_by_role("button", name="รายการแบบจุด").click()
    page.keyboard.type("วิเคราะห์ทุน\nเลือกพื้นที่เรียนรู้\n\n<script>alert('xss')</script>\n\n")
    preview = page.locator(".article-preview")
    expect(preview.get_by_role("heading", name="บรรยากาศ", exact=True)).to_be_visible()
    expect(preview.locator("li", has_text="เลือกพื้นที่เรียนรู้")).to_be_visible()
    page.get_by_label("รูปภาพ", exact=True).set_input_files(str(_photo(tmp_path / "ภาพกิจกรรม.jpg")))
    expect(preview.locator("img")).to_have_count(1)
    assert "/news/images/" in box.input_value()
    page.get_by_role("button", name="บันทึก").click()
    expect(page.get_by_role("heading", name="เวทีแลกเปลี่ยนเรียนรู้ภาคใต้", level=1)).to_be_visible()
    article = Article.objects.get(title="เวทีแลกเปลี่ยนเรียนรู้ภาคใต้")
    assert article.cover == ArticleImage.objects.get() and "<script" not in article.body_html
    context.close()

    reader_context, reader = _context(browser, live_server, viewport=PHONE, is_mobile=True)
    reader.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    reader.goto(article.get_absolute_url())
    body = reader.locator(".article-body")
    expect(body.get_by_role("heading", name="บรรยากาศ", exact=True)).to_be_visible()
    expect(body.locator("li")).to_have_count(2)
    image = body.locator("img")
    expect(image).to_be_visible()
    assert reader.evaluate("(img) => img.naturalWidth", image.element_handle()) == 1600
    assert reader.locator(".article-body script").count() == 0
    assert dialogs == []
    assert reader.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    reader_context.close()
