"""The issue's "Done when" journey on a phone-sized window: a mentor lands on งานของฉัน, logs
ปฏิบัติการที่ 4 for เกาะขวาง with 12 participants from three organisation types, submits
รายงานศักยภาพตำบล ครั้งที่ 2 and sees the round-by-round chart; mentor2 is refused; a visitor sees
the workshop without names; staff see the last visit on the coverage page. The map draws with
no tile server and no other host."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from chsd_portal.thai import format_date
from tests.conftest import login_in_browser
from tests.factories import PASSWORD, UserFactory
from tests.meetings.factories import AttendanceFactory, WorkshopFactory
from tests.sites.factories import (
    CapacityReportFactory,
    ComponentScoreFactory,
    SiteFactory,
    SubdistrictFactory,
    ensure_capacity_components,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 900}


def assert_no_axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _koh_khwang():
    mentor = UserFactory(username="mentor1", role="mentor", first_name="พี่เลี้ยง", last_name="เกาะขวาง")
    SiteFactory(
        subdistrict=SubdistrictFactory(name_th="ท่าโสม"),
        mentors=[UserFactory(username="mentor2", role="mentor")],
    )
    UserFactory(username="staff1", role="staff")
    site = SiteFactory(subdistrict=SubdistrictFactory(name_th="เกาะขวาง"), mentors=[mentor])
    for day in (dt.date(2018, 1, 16), dt.date(2018, 2, 20), dt.date(2018, 4, 10)):
        AttendanceFactory(workshop=WorkshopFactory(site=site, date=day))
    first = CapacityReportFactory(site=site, number=1, submitted=True)
    for component in ensure_capacity_components():
        ComponentScoreFactory(report=first, component=component, score=2)
    return site


def open_menu_entry(page, group: str, entry: str) -> None:
    """Click `entry` in the header's `group` dropdown, opening the menu first on a phone."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#main-menu.show").wait_for()
    page.locator("header").get_by_role("button", name=group).click()
    page.locator("header").get_by_role("link", name=entry).click()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_mentor_logs_a_workshop_and_a_report_and_staff_see_the_visit(browser, live_server, viewport):
    site = _koh_khwang()
    requests_elsewhere = []

    def new_page():
        context = browser.new_context(base_url=live_server.url, locale="th-TH", viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(15000)
        page.on(
            "request",
            lambda request: None
            if request.url.startswith(live_server.url)
            else requests_elsewhere.append(request.url),
        )
        return context, page

    context, page = new_page()
    login_in_browser(page, "mentor1", PASSWORD)
    expect(page).to_have_url(f"{live_server.url}{reverse('meetings:my-work')}")
    expect(page.locator("h1")).to_have_text("งานของฉัน")

    page.get_by_role("link", name="บันทึกการประชุมกับพื้นที่").click()
    today = timezone.localdate()
    page.fill("#id_date", f"{today.day}/{today.month}/{today.year + 543}")
    page.fill("#id_place", "ศาลาการเปรียญวัดเกาะขวาง")
    page.fill("#id_lao", "4")
    page.fill("#id_pcu", "3")
    page.fill("#id_volunteers", "5")
    page.fill("#id_participants-0-name", "นางสมศรี ใจดี")
    page.select_option("#id_participants-0-organisation_type", "volunteers")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator("h1")).to_contain_text("ปฏิบัติการที่ 4")
    expect(page.locator(".attendance .workshop-total")).to_have_text("12")
    workshop_url = page.url

    page.goto(reverse("sites:site-detail", args=[site.code]))
    expect(page.locator(".workshop-list")).to_contain_text("ผู้เข้าร่วม 12 คน")
    expect(page.locator(".site-map path.leaflet-interactive")).to_have_count(1)  # the site's marker
    assert_no_axe_violations(page)

    page.get_by_role("link", name="เริ่มรายงานศักยภาพตำบล").first.click()
    page.fill("#id_report_date", f"{today.day}/{today.month}/{today.year + 543}")
    for fieldset in page.locator("fieldset.component-score").all():
        fieldset.locator("input[type=radio][value='3']").check()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="ส่งรายงาน").click()
    expect(page.locator("h1")).to_contain_text("ครั้งที่ 2")
    page.goto(reverse("sites:report-list", args=[site.code]))
    expect(page.locator("svg.score-chart")).to_have_count(5)
    expect(page.locator("table.comparison")).to_contain_text("(+1)")
    context.close()

    context, page = new_page()
    login_in_browser(page, "mentor2", PASSWORD)
    for url in (
        reverse("meetings:workshop-create", args=[site.code]),
        reverse("sites:report-create", args=[site.code]),
    ):
        response = page.goto(url)
        assert response.status == 403
    context.close()

    context, page = new_page()
    page.goto(workshop_url)
    expect(page.locator(".attendance .workshop-total")).to_have_text("12")
    expect(page.locator("main")).not_to_contain_text("นางสมศรี ใจดี")
    context.close()

    context, page = new_page()
    login_in_browser(page, "staff1", PASSWORD)
    open_menu_entry(page, "สำหรับเจ้าหน้าที่", "ความครอบคลุมพื้นที่")
    expect(page).to_have_url(f"{live_server.url}{reverse('meetings:coverage')}")
    row = page.locator(
        f"section[aria-labelledby='all-sites-heading'] tr[data-site='{site.code}'] .last-visit"
    )
    expect(row).to_contain_text(format_date(today))  # was 10 เม.ย. 2561, ปฏิบัติการที่ 3
    context.close()
    assert requests_elsewhere == []


def test_a_workshop_typed_before_the_session_expired_is_back_after_signing_in(page, live_server):
    "The form is sent with an expired session; after signing in the mentor finds it filled, saves it"
    site = _koh_khwang()
    login_in_browser(page, "mentor1", PASSWORD)
    page.goto(reverse("meetings:workshop-create", args=[site.code]))
    page.fill("#id_date", "10/4/2561")
    page.fill("#id_place", "ศาลาการเปรียญวัดเกาะขวาง")
    page.fill("#id_lao", "4")
    page.fill("#id_minutes", "ชาวบ้านเสนอโครงการ")
    kept = [c for c in page.context.cookies() if c["name"] != settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()  # the session has expired (the CSRF cookie lives on)
    page.context.add_cookies(kept)
    page.get_by_role("button", name="บันทึก", exact=True).click()
    form_url = reverse("meetings:workshop-create", args=[site.code])
    expect(page).to_have_url(f"{live_server.url}{reverse('login')}?next={form_url}")
    page.get_by_label("ชื่อผู้ใช้").fill("mentor1")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page.locator("#id_place")).to_have_value("ศาลาการเปรียญวัดเกาะขวาง")
    expect(page.locator("#id_lao")).to_have_value("4")
    expect(page.locator("#id_minutes")).to_have_value("ชาวบ้านเสนอโครงการ")
    expect(page.locator("#form-keep-note")).to_be_visible()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator("h1")).to_contain_text("ปฏิบัติการที่ 4")
    page.goto(reverse("meetings:workshop-create", args=[site.code]))
    expect(page.locator("#id_place")).to_have_value("")  # saved, so forgotten


def _expire_the_session(page):
    kept = [c for c in page.context.cookies() if c["name"] != settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()  # the session has expired (the CSRF cookie lives on)
    page.context.add_cookies(kept)


def _sign_in_again(page, live_server, form_url):
    expect(page).to_have_url(f"{live_server.url}{reverse('login')}?next={form_url}")
    page.get_by_label("ชื่อผู้ใช้").fill("mentor1")
    page.get_by_label("รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()


PARTICIPANTS = [
    ("นางสมศรี ใจดี", "ประธาน อสม.", "volunteers", "0812345678"),
    ("นายสมชาย รักถิ่น", "ปลัด อบต.", "lao", ""),
    ("นางสาวมาลี สุขใจ", "พยาบาลวิชาชีพ", "pcu", "0898765432"),
]


def test_every_participant_row_typed_before_the_session_expired_is_back_after_signing_in(page, live_server):
    "Three named participants (two rows added with the add button) come back, filled, and are saved"
    site = _koh_khwang()
    login_in_browser(page, "mentor1", PASSWORD)
    form_url = reverse("meetings:workshop-create", args=[site.code])
    page.goto(form_url)
    page.fill("#id_date", "10/4/2561")
    page.fill("#id_place", "ศาลาการเปรียญวัดเกาะขวาง")
    page.fill("#id_lao", "4")
    add = page.get_by_role("button", name="เพิ่ม รายชื่อผู้เข้าร่วม (ไม่บังคับ)")
    for index, (name, role, kind, phone) in enumerate(PARTICIPANTS):
        if index:
            add.click()
        page.fill(f"#id_participants-{index}-name", name)
        page.fill(f"#id_participants-{index}-role", role)
        page.select_option(f"#id_participants-{index}-organisation_type", kind)
        page.fill(f"#id_participants-{index}-phone", phone)
    _expire_the_session(page)
    page.get_by_role("button", name="บันทึก", exact=True).click()
    _sign_in_again(page, live_server, form_url)
    expect(page.locator("#form-keep-note")).to_be_visible()
    expect(page.locator("fieldset[data-formset-prefix='participants'] .formset-row")).to_have_count(3)
    expect(page.locator("#id_participants-TOTAL_FORMS")).to_have_value("3")
    for index, (name, role, kind, phone) in enumerate(PARTICIPANTS):
        expect(page.locator(f"#id_participants-{index}-name")).to_have_value(name)
        expect(page.locator(f"#id_participants-{index}-role")).to_have_value(role)
        expect(page.locator(f"#id_participants-{index}-organisation_type")).to_have_value(kind)
        expect(page.locator(f"#id_participants-{index}-phone")).to_have_value(phone)
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.locator("h1")).to_contain_text("ปฏิบัติการที่ 4")
    for name, *_rest in PARTICIPANTS:
        expect(page.locator("main")).to_contain_text(name)


def test_key_organisation_rows_of_a_report_typed_before_the_session_expired_are_back(page, live_server):
    site = _koh_khwang()
    login_in_browser(page, "mentor1", PASSWORD)
    form_url = reverse("sites:report-create", args=[site.code])
    page.goto(form_url)
    page.fill("#id_report_date", "20/8/2561")
    organisations = page.locator("fieldset[data-formset-prefix='organisations']")
    rows = [
        ("local_government", "องค์การบริหารส่วนตำบลเกาะขวาง", "สนับสนุนงบประมาณ"),
        ("community", "ชมรมผู้สูงอายุ", "จัดกิจกรรม"),
    ]
    for index, (kind, name, role) in enumerate(rows):
        if index:
            organisations.locator(".formset-add").click()
        page.select_option(f"#id_organisations-{index}-kind", kind)
        page.fill(f"#id_organisations-{index}-name", name)
        page.fill(f"#id_organisations-{index}-role", role)
    _expire_the_session(page)
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    _sign_in_again(page, live_server, form_url)
    expect(organisations.locator(".formset-row")).to_have_count(2)
    for index, (kind, name, role) in enumerate(rows):
        expect(page.locator(f"#id_organisations-{index}-kind")).to_have_value(kind)
        expect(page.locator(f"#id_organisations-{index}-name")).to_have_value(name)
        expect(page.locator(f"#id_organisations-{index}-role")).to_have_value(role)
    page.get_by_role("button", name="บันทึกฉบับร่าง").click()
    expect(page.locator("table.key-organisations")).to_contain_text("ชมรมผู้สูงอายุ")
