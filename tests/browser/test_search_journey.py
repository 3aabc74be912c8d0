"""The issue's "Done when" on a phone-sized window (390 px): a new visitor types each word into
the header's search box and finds, on the first page of results, the demo content (the seeds'
text) that contains it, the word highlighted; the page fits the phone and axe finds nothing."""

import pytest
from playwright.sync_api import expect

from tests.key_pages import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

# The word typed -> a result that must be on the first page, and what its highlight shows.
DONE_WHEN = {
    "อาสาสมัคร": ("61-ค-003 โครงการอาสาสมัครเฝ้าระวังสุขภาพชุมชนตำบลท่าโสม", "อาสาสมัคร"),
    "ท่าโสม": ("ตำบลท่าโสม", "ท่าโสม"),
    "60-ข-087": ("60-ข-087 โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี", "60-ข-087"),
    "พี่เลี้ยง": ("เกาะขวาง: ปฏิบัติการที่ 1", "พี่เลี้ยง"),
    "งบประมาณ": ("60-ข-087 โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี", "งบประมาณ"),
    "กระดานถาม-ตอบ": ("กระดานถาม - ตอบ · กองทุนหลักประกันสุขภาพตำบล", "กระดานถาม - ตอบ"),
}


def test_a_visitor_finds_each_done_when_word_from_the_header_box_on_a_phone(browser, live_server):
    from axe_playwright_python.sync_playwright import Axe

    load_demo()
    context = browser.new_context(base_url=live_server.url, locale="th-TH", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto("/")
    for word, (title, highlighted) in DONE_WHEN.items():
        box = page.get_by_role("search", name="ค้นหาในพอร์ทัล").first.get_by_role("searchbox")
        expect(box).to_be_visible()
        box.fill(word)
        box.press("Enter")
        page.wait_for_url("**/search/?q=*")
        expect(page.get_by_role("heading", level=1)).to_have_text("ค้นหา")
        expect(page.get_by_role("status")).to_contain_text(f"“{word}”")
        result = page.locator(".search-result", has=page.get_by_role("link", name=title, exact=True))
        expect(result).to_have_count(1)
        expect(result.locator("mark").filter(has_text=highlighted).first).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (word, width)
    # The last page (กระดานถาม-ตอบ) and a page of a kind: no axe violation on a phone.
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("link", name="หมวดของกระดานถาม - ตอบ").click()
    expect(page.locator(".search-kinds .active")).to_contain_text("หมวดของกระดานถาม - ตอบ")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    # Nothing found: a Thai message and the words it may have meant.
    page.goto("/search/?q=" + "ประชุมกับพื้นทีี")
    expect(page.get_by_role("status")).to_contain_text("ไม่พบผลการค้นหา")
    context.close()
