"""The project list as a spreadsheet: XLSX (a sheet of projects and a sheet of periods) or CSV
(one row per period, the project's columns repeated).

Dates are Buddhist-Era text ("1 ม.ค. 2561"), as people read them on the pages; money is a
number with two decimals, so the sheet can add it up. Both are read with a fixed number of
queries (see `selectors.project_list.export_data`); XlsxWriter writes the XLSX of 10,000
projects (~300,000 cells) in a few seconds (`bench/export_time.py` measures it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from django.utils.translation import gettext as _

from chsd_portal.thai import format_date

from ..selectors.project_list import ExportData
from .writers import XlsxBook, csv_lines, money

# The same few hundred days come back on thousands of rows: each is worded once.
_date = functools.lru_cache(maxsize=8192)(format_date)


# Each column: (header, how to read it from the project, is money). Built per call so the
# headers follow the request's language.
def _project_columns(data: ExportData, *, with_status: bool) -> list[tuple[str, object, bool]]:
    columns = [
        (_("project code"), lambda p: p.code, False),
        (_("project name"), lambda p: p.name, False),
        (_("under plan"), lambda p: p.programme.name, False),
        (_("under organisation"), lambda p: p.organisation, False),
        (_("approval date"), lambda p: _date(p.approved_on), False),
        (_("project start"), lambda p: _date(p.start_date), False),
        (_("project end"), lambda p: _date(p.end_date), False),
        (_("funding source"), lambda p: p.funding_source, False),
        (_("Project budget (baht)"), lambda p: money(p.budget), True),
        (_("Total of the periods (baht)"), lambda p: money(p.export_periods_total), True),
        (_("responsible organisation"), lambda p: p.responsible_organisation, False),
        (_("project lead"), lambda p: p.lead_name, False),
        (_("operating area"), lambda p: p.area, False),
        (_("province"), lambda p: ", ".join(data.provinces.get(p.pk, [])), False),
    ]
    if with_status:
        columns.append((_("status"), lambda p: p.get_status_display(), False))
    return columns


def _period_columns() -> list[tuple[str, object, bool]]:
    return [
        (_("period"), lambda b: b.number, False),
        (_("Period dates from"), lambda b: _date(b.start_date), False),
        (_("Period dates to"), lambda b: _date(b.end_date), False),
        (_("Report dates from"), lambda b: _date(b.report_start), False),
        (_("Report dates to"), lambda b: _date(b.report_end), False),
        (_("budget (baht)"), lambda b: money(b.amount), True),
    ]


def projects_xlsx(data: ExportData, *, with_status: bool) -> bytes:
    """A workbook with the sheets โครงการ (a row per project) and งวด (a row per period)."""
    project_columns = _project_columns(data, with_status=with_status)
    period_columns = _period_columns()

    project_readers = [read for _title, read, _is_money in project_columns]
    period_readers = [read for _title, read, _is_money in period_columns]

    def project_rows():
        for project in data.projects:
            yield [read(project) for read in project_readers]

    def period_rows():
        for project in data.projects:
            for period in data.periods.get(project.pk, []):
                yield [project.code, *(read(period) for read in period_readers)]

    book = XlsxBook()
    book.add_sheet(
        _("Projects"),
        [title for title, _read, _is_money in project_columns],
        project_rows(),
        money_columns=[n for n, (_title, _read, is_money) in enumerate(project_columns) if is_money],
        widths=(14, 60, 36, 36, 14, 14, 14, 24, 18, 18, 30, 24, 24, 20, 12),
    )
    book.add_sheet(
        _("period"),
        [_("project code")] + [title for title, _read, _is_money in period_columns],
        period_rows(),
        money_columns=[n for n, (_title, _read, is_money) in enumerate(period_columns, start=1) if is_money],
        widths=(14, 8, 18, 18, 18, 18, 16),
    )
    return book.close()


def projects_csv(data: ExportData, *, with_status: bool) -> Iterator[str]:
    """One row per period with its project's columns repeated (a project without periods
    keeps one row)."""
    project_columns = _project_columns(data, with_status=with_status)
    period_columns = _period_columns()
    header = [title for title, _read, _m in project_columns] + [title for title, _read, _m in period_columns]
    blank_period = [("", False)] * len(period_columns)

    def rows():
        for project in data.projects:
            project_values = [(read(project), is_money) for _t, read, is_money in project_columns]
            periods = data.periods.get(project.pk, [])
            if not periods:
                yield project_values + blank_period
            for period in periods:
                yield project_values + [(read(period), is_money) for _t, read, is_money in period_columns]

    return csv_lines(header, rows())
