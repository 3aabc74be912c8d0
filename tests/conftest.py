"""Fixtures shared by every test: a temporary MEDIA_ROOT, role users, and the browser."""

import os
import shutil

import pytest

from tests.factories import UserFactory
from tests.geo_fixtures import geography  # noqa: F401

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The photo originals' private storage (gallery/storage.py), beside it.
    settings.GALLERY_ORIGINALS_ROOT = tmp_path / "originals"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff_user(db):
    return UserFactory(username="staff1", role="staff")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin1", role="admin")


@pytest.fixture
def mentor_user(db):
    return UserFactory(username="mentor1", role="mentor")


@pytest.fixture
def member_user(db):
    return UserFactory(username="member1", role="member")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.fail("Chromium is missing: run `make test` (it installs it), or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page (own cookies) with base_url set to the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="th-TH", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def login_in_browser(page, username, password):
    from django.urls import reverse

    page.goto(reverse("login"))
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_load_state()
