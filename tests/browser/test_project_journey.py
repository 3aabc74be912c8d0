"""The issue's journey in a real browser: staff enter a project whose periods do not add up, an
admin reviews the warning, staff fix the periods and the warning is gone."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from programmes.models import Project
from tests.conftest import login_in_browser
from tests.factories import PASSWORD, UserFactory
from tests.programmes.factories import ProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WARNING_TEXT = "คำเตือน : รวมงบประมาณของทุกงวด (200,000.00 บาท) ไม่เท่ากับ งบประมาณโครงการ (500,000.00 บาท)"


def fill_period(page, index, number, start, end, amount):
    page.fill(f"#id_periods-{index}-number", number)
    page.fill(f"#id_periods-{index}-start_date", start)
    page.fill(f"#id_periods-{index}-end_date", end)
    page.fill(f"#id_periods-{index}-amount", amount)


def assert_no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_staff_enter_a_mismatched_budget_an_admin_reviews_it_and_staff_fix_it(page, browser, live_server):
    ProgrammeFactory(on_home_page=True, name="แผนงานพัฒนาระบบสุขภาพชุมชน")
    UserFactory(username="staff1", role="staff")
    UserFactory(username="admin1", role="admin")

    # Staff create the project through the real form, adding the second period row in place.
    login_in_browser(page, "staff1", PASSWORD)
    page.goto(reverse("programmes:project-create"))
    page.fill("#id_name", "โครงการทดสอบงบประมาณไม่ตรงกัน")
    page.fill("#id_code", "61-ค-777")
    page.fill("#id_start_date", "1/1/2561")
    page.fill("#id_end_date", "31/12/2561")
    page.fill("#id_budget", "500000")
    page.select_option("#id_status", "published")
    fill_period(page, 0, "1", "1/1/2561", "30/6/2561", "100000")
    page.locator("fieldset[data-formset-prefix='periods'] .formset-add").click()
    expect(page.locator("#id_periods-1-number")).to_have_value("2")  # project-form.js numbers it
    fill_period(page, 1, "2", "1/7/2561", "31/12/2561", "100000")
    assert_no_axe_violations(page)
    page.locator(".form-actions button[name='action'][value='save']").click()
    page.wait_for_url("**/projects/*/")

    project = Project.objects.get(code="61-ค-777")
    assert project.periods.count() == 2
    warnings = page.locator(".project-warnings")
    expect(warnings).to_contain_text("200,000.00")
    expect(warnings).to_contain_text("500,000.00")
    warning_seen = " ".join(warnings.inner_text().split())
    assert_no_axe_violations(page)

    # An admin marks the warning reviewed on the review page.
    admin_context = browser.new_context(base_url=live_server.url, locale="th-TH")
    admin_page = admin_context.new_page()
    admin_page.set_default_timeout(15000)
    login_in_browser(admin_page, "admin1", PASSWORD)
    admin_page.goto(reverse("programmes:warning-review"))
    row = admin_page.locator(".warning-review-table tbody tr", has_text="61-ค-777")
    expect(row).to_have_count(1)
    row.locator("summary").click()
    row.locator("textarea[name='note']").fill("ตรวจแล้ว รอแก้ไขงวด")
    row.locator("button[type='submit']").click()
    admin_page.wait_for_load_state()
    assert project.warning_reviews.count() == 1
    admin_context.close()

    # Staff fix the periods; the warning is gone from the project page.
    page.goto(reverse("programmes:project-edit", args=[project.code]))
    page.fill("#id_periods-0-amount", "250000")
    page.fill("#id_periods-1-amount", "250000")
    page.locator(".form-actions button[name='action'][value='save']").click()
    page.wait_for_url("**/projects/*/")
    expect(page.locator(".project-periods tfoot")).to_contain_text("500,000.00")
    expect(page.get_by_text("200,000.00")).to_have_count(0)
    expect(page.locator(".project-warnings")).to_have_count(0)

    # Last, as it needs the Thai catalog: the warning was worded exactly as seed 001 words it.
    assert WARNING_TEXT in warning_seen
