"""Forms that guide: a failed save starts with a summary linking to each wrong field, a refused
stale save shows their version next to yours, and a save that gives warnings names them."""

import re

import pytest
from django.test import Client

from programmes.models import Project
from tests.programmes.factories import BudgetPeriodFactory, ProjectFactory
from tests.programmes.test_project_edit import CREATE_URL, edit_url, editor_data, period_row

pytestmark = pytest.mark.django_db


def summary_of(html: str) -> str:
    start = html.index('id="error-summary"')
    return html[start : html.index("</div>", start)]


def test_a_failed_save_starts_with_a_summary_linking_to_every_wrong_field_rows_included(client, staff_user):
    client.force_login(staff_user)
    data = editor_data(
        programme=ProjectFactory().programme,
        name="",
        budget="12345678901234567",
        periods=[period_row(1, "31/4/2561", "1/7/2561", "1.234")],
    )
    html = client.post(CREATE_URL, data).content.decode()
    # The summary comes before the form, is announced and takes the focus (portal.js).
    assert html.index('id="error-summary"') < html.index('id="project-form"')
    opening = re.search(r'<div [^>]*id="error-summary"[^>]*>', html).group(0)
    assert 'role="alert"' in opening and 'tabindex="-1"' in opening
    summary = summary_of(html)
    for field_id in ("id_name", "id_budget", "id_periods-0-start_date", "id_periods-0-amount"):
        assert f'href="#{field_id}"' in summary, field_id
        assert f'id="{field_id}"' in html
    assert "แถวที่ 1" in summary  # a row's error says which row
    assert "กรุณากรอกช่องนี้" in summary and "ทศนิยมไม่เกิน 2 ตำแหน่ง" in summary
    assert "ยังไม่ได้บันทึกข้อมูลใด ๆ: มี 4 ช่องที่ต้องแก้ไข" in summary
    assert "แก้ไขช่องที่มีข้อความสีแดงด้านล่าง" not in html
    assert Project.objects.count() == 1  # only the one the programme came with


def test_a_page_without_errors_has_no_summary(client, staff_user):
    client.force_login(staff_user)
    assert 'id="error-summary"' not in client.get(CREATE_URL).content.decode()


def test_a_refused_stale_save_says_what_happened_and_shows_their_version_next_to_yours(
    staff_user, admin_user
):
    project = ProjectFactory(name="ชื่อเดิม", budget="500000.00")
    BudgetPeriodFactory(project=project, number=1, amount="100.00")
    period = project.periods.get()
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(admin_user)
    row = {
        "id": str(period.pk),
        "number": "1",
        "start_date": f"{period.start_date.day}/{period.start_date.month}/{period.start_date.year + 543}",
        "end_date": f"{period.end_date.day}/{period.end_date.month}/{period.end_date.year + 543}",
        "project": str(project.pk),
    }
    theirs = editor_data(project, name="ชื่อของคนแรก", periods=[{**row, "amount": "200.00"}], initial_periods=1)
    assert first.post(edit_url(project), theirs).status_code == 302
    yours = editor_data(
        project, name="ชื่อของคนที่สอง", periods=[{**row, "amount": "300.00"}], initial_periods=1, version="1"
    )
    refused = second.post(edit_url(project), yours)
    assert refused.status_code == 200
    html = refused.content.decode()
    # One clear message: what happened and what to do; no "fix the red fields", as nothing is red.
    assert "บันทึกโครงการนี้เมื่อ" in summary_of(html)
    assert "แก้ไขช่องที่มีข้อความสีแดง" not in html and "is-invalid" not in html
    conflict = html[html.index("save-conflict") :]
    conflict = conflict[: conflict.index("</section>")]
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", conflict, re.S)
    ]
    assert cells[cells.index("ชื่อโครงการ") + 1 : cells.index("ชื่อโครงการ") + 3] == ["ชื่อของคนแรก", "ชื่อของคนที่สอง"]
    amount = next(i for i, c in enumerate(cells) if "แถวที่ 1" in c and "งบประมาณ" in c)
    assert cells[amount + 1 : amount + 3] == ["200.00", "300.00"]
    assert 'href="#id_name"' in conflict
    # The page now stands on the stored version: saving again keeps what this person chose.
    assert re.search(r'name="version" value="2"', html)
    again = second.post(edit_url(project), {**yours, "version": "2"})
    assert again.status_code == 302
    project.refresh_from_db()
    assert project.name == "ชื่อของคนที่สอง" and project.version == 3


def test_a_save_that_gives_warnings_names_them_in_the_confirmation(client, staff_user):
    client.force_login(staff_user)
    data = editor_data(
        programme=ProjectFactory().programme,
        budget="300.00",
        periods=[
            period_row(1, "1/1/2561", "30/6/2561", "100.00"),
            period_row(2, "1/6/2561", "31/12/2561", "100.00"),
        ],
    )
    response = client.post(CREATE_URL, data, follow=True)
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert len(messages) == 1
    level, text = messages[0]
    assert level == "warning" and "61-ค-900" in text
    assert "งวดซ้อนกัน" in text or "ซ้อน" in text
    assert "ไม่เท่ากับ" in text or "งบประมาณ" in text


def test_a_save_without_warnings_is_a_plain_confirmation(client, staff_user):
    client.force_login(staff_user)
    data = editor_data(
        programme=ProjectFactory().programme,
        budget="100.00",
        periods=[period_row(1, "1/1/2561", "31/12/2561", "100.00")],
    )
    response = client.post(CREATE_URL, data, follow=True)
    assert [(m.level_tag, str(m)) for m in response.context["messages"]] == [
        ("success", "บันทึกโครงการ 61-ค-900 แล้ว")
    ]


def test_a_number_box_that_comes_back_with_text_keeps_what_was_typed(client, staff_user):
    """A browser empties <input type=number value="หนึ่งพัน">: the box comes back as text instead."""
    client.force_login(staff_user)
    data = editor_data(programme=ProjectFactory().programme, budget="หนึ่งพัน")
    html = client.post(CREATE_URL, data).content.decode()
    box = re.search(r'<input [^>]*name="budget"[^>]*>', html).group(0)
    assert 'type="text"' in box and 'value="หนึ่งพัน"' in box and 'inputmode="decimal"' in box
    assert "step=" not in box and "min=" not in box
    fresh = client.get(CREATE_URL).content.decode()
    assert 'type="number"' in re.search(r'<input [^>]*name="budget"[^>]*>', fresh).group(0)


def test_a_failed_sign_in_says_so_in_the_summary_not_that_nothing_was_saved(client):
    from django.urls import reverse

    html = client.post(reverse("login"), {"username": "nobody", "password": "wrong"}).content.decode()
    summary = summary_of(html)
    assert "ยังไม่ได้เข้าสู่ระบบ" in summary and "ยังไม่ได้บันทึก" not in summary
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in summary
