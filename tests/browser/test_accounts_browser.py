"""People in a real browser: signing in through the form, the lockout journey, accessibility."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import login_in_browser
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def assert_no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_staff_user_signs_in_through_the_form_and_sees_their_name_and_sign_out(page, staff_user):
    login_in_browser(page, "staff1", PASSWORD)

    assert page.url.endswith("/")
    header = page.locator("header")
    account_menu = header.get_by_role("button", name=staff_user.get_full_name())
    expect(account_menu).to_be_visible()
    account_menu.click()
    expect(header.get_by_role("button", name="ออกจากระบบ")).to_be_visible()
    expect(header.get_by_role("link", name="เข้าสู่ระบบ")).to_have_count(0)


def test_sign_out_button_signs_out_and_returns_home(page, staff_user):
    login_in_browser(page, "staff1", PASSWORD)
    page.locator("header").get_by_role("button", name=staff_user.get_full_name()).click()
    page.get_by_role("button", name="ออกจากระบบ").click()
    page.wait_for_load_state()

    assert page.url.endswith("/")
    expect(page.locator("header").get_by_role("link", name="เข้าสู่ระบบ")).to_be_visible()


def test_wrong_password_shows_a_thai_error_on_the_form(page, staff_user):
    login_in_browser(page, "staff1", "wrong-password")

    expect(page.get_by_role("alert")).to_contain_text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")
    expect(page.get_by_label("ชื่อผู้ใช้")).to_have_value("staff1")


def test_five_wrong_passwords_lead_to_the_thai_lockout_page_and_on_to_password_reset(page, staff_user):
    for _ in range(5):
        login_in_browser(page, "staff1", "wrong-password")

    expect(page.get_by_role("heading", level=1)).to_have_text("ระงับการเข้าสู่ระบบชั่วคราว")
    expect(page.get_by_role("alert")).to_contain_text("15 นาที")
    assert_no_axe_violations(page)

    # The right password is refused too while the lock lasts.
    login_in_browser(page, "staff1", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("ระงับการเข้าสู่ระบบชั่วคราว")
    expect(page.locator("header").get_by_role("link", name="เข้าสู่ระบบ")).to_be_visible()

    page.get_by_role("link", name="ตั้งรหัสผ่านใหม่").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("password_reset"))
    expect(page.get_by_label("อีเมล์")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_login_page_has_no_axe_accessibility_violations(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("login"))
    assert_no_axe_violations(page)


def test_login_page_with_an_error_has_no_axe_accessibility_violations(page, staff_user):
    login_in_browser(page, "staff1", "wrong-password")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("url_name", ["signup", "password_reset"])
def test_other_account_pages_have_no_axe_accessibility_violations(page, url_name):
    page.goto(reverse(url_name))
    assert_no_axe_violations(page)


def test_signup_page_with_errors_has_no_axe_accessibility_violations(page):
    page.goto(reverse("signup"))
    page.get_by_role("button", name="สมัครสมาชิก").click()
    page.wait_for_load_state()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert_no_axe_violations(page)
