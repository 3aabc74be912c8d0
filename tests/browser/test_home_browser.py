"""Key journeys on the home page in a real browser (Debian's Chromium through Playwright)."""

import pytest
from django.urls import reverse

from chsd_portal.accounts.demo import load_demo_users
from programmes.demo.programme import load_demo_programme
from tests.conftest import login_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    load_demo_users(password="demo-pass-123")
    return load_demo_programme(password="demo-pass-123")


def test_home_page_shows_the_programme_in_thai_with_its_menu(page, demo):
    page.goto(reverse("programmes:home"))
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_role("heading", level=1).inner_text() == "โครงการพัฒนาระบบสุขภาพชุมชนโดยชุมชนเพื่อชุมชน"
    for heading in ("วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "แนวทางการดำเนินงาน", "ผลลัพธ์"):
        assert page.get_by_role("heading", name=heading, exact=True).is_visible()
    nav = page.get_by_role("navigation", name="เมนูหลัก")
    assert nav.get_by_role("link", name="หน้าหลัก").get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name="เข้าสู่ระบบ").is_visible()
    # The Sarabun face is loaded from our own static files.
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ก')")


def test_every_menu_link_leads_to_a_page_with_a_title(page, demo):
    page.goto(reverse("programmes:home"))
    hrefs = page.eval_on_selector_all(
        "#main-menu a.nav-link[href^='/'], #main-menu a.dropdown-item[href^='/']",
        "els => [...new Set(els.map(e => e.getAttribute('href')))]",
    )
    assert hrefs
    for href in hrefs:
        response = page.goto(href)
        assert response.status == 200, href
        assert page.title().strip(), href


def test_menu_collapses_behind_a_button_on_a_phone(browser, live_server, demo):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, is_mobile=True
    )
    phone = context.new_page()
    phone.goto(reverse("programmes:home"))
    toggle = phone.get_by_role("button", name="เปิดเมนู")
    assert toggle.is_visible()
    assert not phone.get_by_role("link", name="เข้าสู่ระบบ").is_visible()
    toggle.click()
    phone.get_by_role("link", name="เข้าสู่ระบบ").wait_for(state="visible")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page must not scroll sideways on a phone"
    context.close()


def test_staff_edit_the_home_programme_in_the_portal(page, demo):
    login_in_browser(page, "staff", "demo-pass-123")
    page.goto(reverse("programmes:home"))
    page.get_by_role("link", name="แก้ไข").click()
    page.get_by_label("วัตถุประสงค์").fill("เพื่อสนับสนุนชุมชนให้ดูแลสุขภาพตนเอง")
    outcomes = page.locator("fieldset[data-formset-prefix='outcomes']")
    outcomes.get_by_role("button", name="เพิ่ม ผลลัพธ์").click()
    rows = outcomes.locator(".formset-row")
    new_row = rows.nth(rows.count() - 1)
    new_row.get_by_label("หมายเลข").fill("5.1")
    new_row.get_by_label("ผลลัพธ์").fill("ศูนย์การเรียนรู้ระดับตำบลแห่งใหม่")
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url("**/")
    assert page.get_by_text("บันทึกแล้ว").is_visible()
    assert page.get_by_text("เพื่อสนับสนุนชุมชนให้ดูแลสุขภาพตนเอง").is_visible()
    assert (
        page.locator(".outcome.depth-1", has_text="ศูนย์การเรียนรู้ระดับตำบลแห่งใหม่").inner_text().startswith("5.1")
    )


def test_visitors_see_no_edit_button(page, demo):
    page.goto(reverse("programmes:home"))
    assert page.get_by_role("link", name="แก้ไข").count() == 0


def test_home_page_has_no_accessibility_violations(page, demo):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(reverse("programmes:home"))
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
