"""A deleted activity is restored from its history by staff, in a real browser."""

import pytest
from django.urls import reverse

from chsd_portal.accounts.demo import load_demo_users
from programmes.demo.guide import load_demo_guide
from programmes.demo.programme import load_demo_programme
from programmes.models import Activity
from tests.conftest import login_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    load_demo_users(password="demo-pass-123")
    load_demo_programme(password="demo-pass-123")
    load_demo_guide(password="demo-pass-123")


def test_staff_delete_an_activity_and_restore_it_from_the_deletions_page(page, demo):
    activity = Activity.objects.filter(framework__number=1).order_by("position").first()
    login_in_browser(page, "staff", "demo-pass-123")

    page.goto(reverse("programmes:plan-edit", args=[1]))
    page.locator(".formset-row").first.get_by_label("ลบ").check()
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url(f"**{reverse('programmes:plan-detail', args=[1])}")
    assert not Activity.objects.filter(pk=activity.pk).exists()

    page.goto(page.locator(f'a[href="{reverse("programmes:deleted-list")}"]').first.get_attribute("href"))
    assert page.get_by_role("heading", level=1).inner_text() == "ประวัติการแก้ไข / รายการที่ถูกลบ"
    row = page.get_by_role("row").filter(has_text=activity.title[:40])
    assert "เจ้าหน้าที่ โครงการ" in row.inner_text()  # who deleted it
    row.get_by_role("button", name="กู้คืน").click()
    page.wait_for_load_state()
    assert page.get_by_text("กู้คืนแล้ว").is_visible()
    assert Activity.objects.filter(pk=activity.pk, title=activity.title).exists()

    page.goto(reverse("programmes:plan-detail", args=[1]))
    assert page.get_by_text(activity.title[:40]).first.is_visible()
