"""Exports of the project list: XLSX and CSV hold exactly the filtered, sorted list, every page of
it, with the periods, Buddhist-Era dates and money as numbers."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from programmes.exports import writers as exports
from programmes.models import Project
from tests.factories import ALL_ROLES, user_in_role
from tests.programmes.factories import (
    BudgetPeriodFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectLocationFactory,
    ProvinceFactory,
    project_with_periods,
)

pytestmark = pytest.mark.django_db

SEED_NAME = "โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี"


def export(client, fmt, user=None, **params):
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("programmes:project-export", kwargs={"fmt": fmt}), params)
    assert response.status_code == 200
    return response


def workbook(response):
    return load_workbook(io.BytesIO(response.content))


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())  # BOM: Excel opens the Thai as UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def header(title: str) -> str:
    with translation.override("th"):
        return translation.gettext(title)


@pytest.fixture
def seed_project():
    """Project 60-ข-087 as seed 001 shows it, with its two periods and its province."""
    project = ProjectFactory(
        list_page=True,
        code="60-ข-087",
        name=SEED_NAME,
        programme=ProgrammeFactory(name="แผนงานโซนใต้บน"),
        organisation="สถาบันนโยบายสาธารณะ มหาวิทยาลัยสงขลานครินทร์ (สนส. ม.อ.)",
        start_date=dt.date(2017, 12, 1),
        end_date=dt.date(2018, 12, 31),
        budget=Decimal("1000000.00"),
        lead_name="นายทวีวัตร เครือสาย",
    )
    BudgetPeriodFactory(
        list_page=True,
        project=project,
        number=1,
        start_date=dt.date(2018, 1, 1),
        end_date=dt.date(2018, 12, 31),
        report_start=dt.date(2018, 1, 1),
        report_end=dt.date(2018, 12, 31),
        amount=Decimal("0.00"),
    )
    BudgetPeriodFactory(
        list_page=True,
        project=project,
        number=2,
        start_date=dt.date(2019, 1, 1),
        end_date=dt.date(2019, 2, 28),
        amount=Decimal("1234.50"),
    )
    ProjectLocationFactory(list_page=True, project=project, province=ProvinceFactory(name_th="สุราษฎร์ธานี"))
    return project


# --- Routes and files -------------------------------------------------------------------------


def test_export_names_the_file_with_the_buddhist_era_date(client, monkeypatch, seed_project):
    monkeypatch.setattr("programmes.views.project_list.timezone.localdate", lambda: dt.date(2026, 11, 22))
    xlsx = export(client, "xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="projects-2569-11-22.xlsx"'
    assert xlsx["Content-Type"] == exports.CONTENT_TYPES["xlsx"]
    assert "no-store" in xlsx["Cache-Control"]
    csv_response = export(client, "csv")
    assert csv_response["Content-Disposition"] == 'attachment; filename="projects-2569-11-22.csv"'
    assert csv_response["Content-Type"].startswith("text/csv")


def test_format_may_also_come_from_the_query_string(client, seed_project):
    response = client.get(reverse("programmes:project-export"), {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert client.get(reverse("programmes:project-export"))["Content-Type"] == exports.CONTENT_TYPES["xlsx"]


def test_unknown_export_format_is_not_found(client):
    assert client.get(reverse("programmes:project-export"), {"format": "pdf"}).status_code == 404
    assert client.get("/projects/export.pdf/").status_code == 404


def test_list_page_links_to_both_exports_with_its_filters(client, seed_project):
    html = client.get(reverse("programmes:project-list"), {"q": "สร้างเสริม"}).content.decode()
    assert "/projects/export.xlsx/?q=" in html
    assert "/projects/export.csv/?q=" in html


# --- XLSX -------------------------------------------------------------------------------------


def test_xlsx_has_a_projects_sheet_and_a_periods_sheet(client, seed_project):
    book = workbook(export(client, "xlsx"))
    projects, periods = book.worksheets
    rows = list(projects.iter_rows(values_only=True))
    titles = rows[0]
    assert titles[:4] == (
        header("project code"),
        header("project name"),
        header("under plan"),
        header("under organisation"),
    )
    assert titles[0] == "รหัสโครงการ"
    row = dict(zip(titles, rows[1], strict=True))
    assert row[header("project code")] == "60-ข-087"
    assert row[header("project name")] == SEED_NAME
    assert row[header("under plan")] == "แผนงานโซนใต้บน"
    assert row[header("project start")] == "1 ธ.ค. 2560"
    assert row[header("project end")] == "31 ธ.ค. 2561"
    assert row[header("Project budget (baht)")] == 1000000
    assert row[header("Total of the periods (baht)")] == 1234.5
    assert row[header("province")] == "สุราษฎร์ธานี"
    assert row[header("project lead")] == "นายทวีวัตร เครือสาย"
    assert header("status") not in titles  # visitors see no status column

    period_rows = list(periods.iter_rows(values_only=True))
    assert period_rows[0] == (
        header("project code"),
        header("period"),
        header("Period dates from"),
        header("Period dates to"),
        header("Report dates from"),
        header("Report dates to"),
        header("budget (baht)"),
    )
    assert period_rows[1] == ("60-ข-087", 1, "1 ม.ค. 2561", "31 ธ.ค. 2561", "1 ม.ค. 2561", "31 ธ.ค. 2561", 0)
    assert period_rows[2] == ("60-ข-087", 2, "1 ม.ค. 2562", "28 ก.พ. 2562", None, None, 1234.5)


def test_xlsx_money_cells_are_numbers_with_two_decimals(client, seed_project):
    book = workbook(export(client, "xlsx"))
    projects, periods = book.worksheets
    titles = [cell.value for cell in projects[1]]
    budget = projects.cell(row=2, column=titles.index(header("Project budget (baht)")) + 1)
    assert isinstance(budget.value, int | float)
    assert budget.number_format == "#,##0.00"
    amount = periods.cell(row=3, column=7)
    assert amount.value == 1234.5 and amount.number_format == "#,##0.00"


def test_xlsx_sheet_titles_are_the_thai_words(client, seed_project):
    book = workbook(export(client, "xlsx"))
    assert book.sheetnames == [header("Projects"), header("period")]
    assert book.sheetnames[1] == "งวด"


# --- CSV --------------------------------------------------------------------------------------


def test_csv_has_one_row_per_period_with_the_project_repeated(client, seed_project):
    ProjectFactory(list_page=True, code="NO-PERIODS", name="โครงการที่ยังไม่มีงวด")
    rows = csv_rows(export(client, "csv", sort="code"))
    titles = rows[0]
    assert titles[0] == "รหัสโครงการ"
    body = [dict(zip(titles, row, strict=True)) for row in rows[1:]]
    assert [row[header("project code")] for row in body] == ["60-ข-087", "60-ข-087", "NO-PERIODS"]
    first, second, empty = body
    assert first[header("project name")] == second[header("project name")] == SEED_NAME
    assert first[header("Project budget (baht)")] == "1000000.00"
    assert first[header("period")] == "1" and second[header("period")] == "2"
    assert second[header("Period dates from")] == "1 ม.ค. 2562"
    assert second[header("budget (baht)")] == "1234.50"
    assert second[header("Report dates from")] == ""
    assert empty[header("period")] == "" and empty[header("budget (baht)")] == ""


def test_csv_text_that_looks_like_a_formula_is_kept_as_text(client):
    ProjectFactory(
        list_page=True, code="F-1", name='=HYPERLINK("http://example.org","คลิก")', organisation="@องค์กร"
    )
    row = csv_rows(export(client, "csv"))[1]
    assert row[1] == '\'=HYPERLINK("http://example.org","คลิก")'
    assert row[3] == "'@องค์กร"
    xlsx_row = list(workbook(export(client, "xlsx")).worksheets[0].iter_rows(values_only=True))[1]
    assert xlsx_row[1] == '=HYPERLINK("http://example.org","คลิก")'  # a text cell, never a formula


def test_xlsx_keeps_text_with_markup_and_control_characters_readable(client):
    ProjectFactory(list_page=True, code="X-1", name="โครงการ <A & B>\x0bต่อ")
    xlsx_row = list(workbook(export(client, "xlsx")).worksheets[0].iter_rows(values_only=True))[1]
    assert xlsx_row[1] == "โครงการ <A & B>ต่อ"


# --- The list's rules apply -------------------------------------------------------------------


def test_exports_hold_every_page_of_the_filtered_list_in_its_order(client):
    programme = ProgrammeFactory()
    for number in range(30):
        project_with_periods(1, programme=programme, code=f"P-{number:02d}", name=f"สร้างเสริมสุขภาพ {number}")
    ProjectFactory(list_page=True, code="OTHER", name="โครงการอื่น")
    response = export(client, "xlsx", q="สร้างเสริม", sort="-code")
    codes = [row[0] for row in list(workbook(response).worksheets[0].iter_rows(values_only=True))[1:]]
    assert codes == [f"P-{n:02d}" for n in range(29, -1, -1)]
    csv_codes = [row[0] for row in csv_rows(export(client, "csv", q="สร้างเสริม", sort="code"))[1:]]
    assert csv_codes == [f"P-{n:02d}" for n in range(30)]


def test_exports_respect_the_province_and_fiscal_year_filters(client, seed_project):
    ProjectFactory(list_page=True, code="OLD", start_date=dt.date(2015, 1, 1), end_date=dt.date(2015, 6, 30))
    province = seed_project.locations.get().province
    by_province = csv_rows(export(client, "csv", province=province.pk))
    assert {row[0] for row in by_province[1:]} == {"60-ข-087"}
    by_year = workbook(export(client, "xlsx", fiscal_year=2558)).worksheets[0]
    assert [row[0] for row in list(by_year.iter_rows(values_only=True))[1:]] == ["OLD"]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_exports_hold_drafts_only_for_those_who_may_see_them(client, role):
    user = user_in_role(role)
    ProjectFactory(list_page=True, code="PUB")
    ProjectFactory(list_page=True, code="DRAFT", status=Project.Status.DRAFT)
    sees_drafts = role in ("staff", "admin")
    rows = list(workbook(export(client, "xlsx", user)).worksheets[0].iter_rows(values_only=True))
    assert {row[0] for row in rows[1:]} == ({"PUB", "DRAFT"} if sees_drafts else {"PUB"})
    assert (header("status") in rows[0]) is sees_drafts
    csv_codes = {row[0] for row in csv_rows(export(client, "csv", user))[1:]}
    assert csv_codes == ({"PUB", "DRAFT"} if sees_drafts else {"PUB"})


def test_staff_export_of_drafts_only_holds_drafts(client, staff_user):
    ProjectFactory(list_page=True, code="PUB")
    ProjectFactory(list_page=True, code="DRAFT", status=Project.Status.DRAFT)
    rows = csv_rows(export(client, "csv", staff_user, status="draft"))
    assert [row[0] for row in rows[1:]] == ["DRAFT"]


# --- Queries ----------------------------------------------------------------------------------


def _export_queries(client, fmt) -> int:
    with CaptureQueriesContext(connection) as context:
        response = export(client, fmt)
        if fmt == "csv":
            b"".join(response.streaming_content)
    return len(context.captured_queries)


def _make_projects(count):
    programme = ProgrammeFactory()
    province = ProvinceFactory()
    for number in range(count):
        project = project_with_periods(3, programme=programme, organisation=f"องค์กร {number % 3}")
        ProjectLocationFactory(list_page=True, project=project, province=province)
        ProjectLocationFactory(list_page=True, project=project, province=province)


@pytest.mark.parametrize("fmt", exports.FORMATS)
def test_export_query_count_does_not_grow_with_ten_times_the_projects(
    client, fmt, django_assert_max_num_queries
):
    _make_projects(3)
    small = _export_queries(client, fmt)
    _make_projects(27)
    # 4 filter choices + projects + periods + provinces.
    with django_assert_max_num_queries(8):  # data version + 4 choices + count/rows/periods
        large = _export_queries(client, fmt)
    assert small == large
