"""The budget review as a spreadsheet: the filtered list, every page of it, one row per
(project, kind), as CSV or XLSX. Money is a number with two decimals, dates BE text."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext as _

from chsd_portal.thai import format_datetime

from ..selectors.warning_review import Status
from .writers import XlsxBook, csv_lines, money


def _columns() -> list[tuple[str, object, bool]]:
    """(header, read from a row, is money); built per call so the headers follow the language."""
    return [
        (_("project code"), lambda r: r.code, False),
        (_("project name"), lambda r: r.name, False),
        (_("under plan"), lambda r: r.programme_name, False),
        (_("warning"), lambda r: r.label, False),
        (_("Message"), lambda r: r.message, False),
        (_("budget (baht)"), lambda r: money(r.budget), True),
        (_("Total of the periods (baht)"), lambda r: money(r.periods_total), True),
        (_("Difference (baht)"), lambda r: money(r.budget_difference), True),
        (_("status"), lambda r: str((Status.OPEN if r.is_open else Status.REVIEWED).label), False),
        (_("reviewed by"), lambda r: r.reviewed_by, False),
        (_("reviewed at"), lambda r: format_datetime(r.reviewed_at), False),
        (_("note"), lambda r: r.note, False),
    ]


def rows_csv(rows) -> Iterator[str]:
    """The review rows as CSV (see csv_lines)."""
    columns = _columns()
    return csv_lines(
        [title for title, _read, _is_money in columns],
        ([(read(row), is_money) for _title, read, is_money in columns] for row in rows),
    )


def rows_xlsx(rows) -> bytes:
    """One sheet, ตรวจสอบงบประมาณ: money as numbers with two decimals, dates as BE text."""
    columns = _columns()
    book = XlsxBook()
    book.add_sheet(
        _("Budget review"),
        [title for title, _read, _is_money in columns],
        ([read(row) for _title, read, _is_money in columns] for row in rows),
        money_columns=[n for n, (_title, _read, is_money) in enumerate(columns) if is_money],
        widths=(14, 50, 30, 30, 70, 16, 16, 16, 14, 20, 20, 40),
    )
    return book.close()
