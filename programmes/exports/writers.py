"""The CSV and XLSX writers both exports use (the project list's and the budget review's), their
formats and file names, and the one money conversion they share.

CSV is UTF-8 with a byte-order mark, so Excel reads the Thai; text that a spreadsheet would run
as a formula is made inert. Money is a number with two decimals, so the sheet can add it up.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from io import BytesIO

import xlsxwriter

from chsd_portal.thai import BE_OFFSET

FORMATS = ("xlsx", "csv")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
MONEY_FORMAT = "#,##0.00"
UTF8_BOM = "\ufeff"
CENT = Decimal("0.01")


def export_filename(fmt: str, today: dt.date, name: str = "projects") -> str:
    """projects-2569-11-22.xlsx: what was exported and the day, Buddhist Era."""
    return f"{name}-{today.year + BE_OFFSET:04d}-{today.month:02d}-{today.day:02d}.{fmt}"


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT)


# --- XLSX ------------------------------------------------------------------------------------
#
# XlsxWriter in constant_memory mode: each row goes to a temporary file as it is written, so
# 10,000 projects with their periods (~300,000 cells) never sit in memory as cell objects.
# Text is always written as text (write_string): a name starting with "=" stays a name, never a
# formula (the XLSX side of the guard against formula injection).

# Characters XML 1.0 cannot hold (they come along when text is pasted from other programs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_CELL_LIMIT = 32767


def _text(value: str) -> str:
    # isprintable() (C speed) is true for nearly every cell; only the others need the pattern.
    if not value.isprintable():
        value = _NOT_XML.sub("", value)
    return value[:_EXCEL_CELL_LIMIT]


class XlsxBook:
    """Sheets of rows, written one row at a time; `close()` gives the file's bytes."""

    def __init__(self):
        self._buffer = BytesIO()
        self._book = xlsxwriter.Workbook(
            self._buffer,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "default_format_properties": {"font_name": "Tahoma", "font_size": 11},
            },
        )
        self._bold = self._book.add_format({"bold": True})
        self._money = self._book.add_format({"num_format": MONEY_FORMAT})

    def add_sheet(self, title: str, headers: list[str], rows, *, money_columns=(), widths=()) -> None:
        """`rows` yields lists of values; None or "" leaves the cell empty, the columns whose
        index is in `money_columns` are money. The first two columns and the header row stay
        in view while scrolling."""
        sheet = self._book.add_worksheet(title[:31])
        sheet.freeze_panes(1, 2)
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        for column, title_text in enumerate(headers):
            sheet.write_string(0, column, _text(title_text), self._bold)
        # About 300,000 cells for the full project list: the loop keeps its look-ups local and
        # decides each cell's kind from its class.
        write_string, write_number, money, clean = sheet.write_string, sheet.write_number, self._money, _text
        money_columns = frozenset(money_columns)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                kind = value.__class__
                if kind is str:
                    if value:
                        write_string(row_number, column, clean(value))
                elif value is None:
                    continue
                elif column in money_columns:
                    write_number(row_number, column, value, money)
                elif kind is int or kind is Decimal:
                    write_number(row_number, column, value)
                else:
                    write_string(row_number, column, clean(str(value)))

    def close(self) -> bytes:
        self._book.close()
        return self._buffer.getvalue()


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv rows."""

    def write(self, value: str) -> str:
        return value


# Text that a spreadsheet would run as a formula when the CSV is opened (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value, is_money: bool):
    if is_money:
        return f"{value:.2f}"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_lines(header: list[str], rows: Iterable[list[tuple[object, bool]]]) -> Iterator[str]:
    """CSV lines, UTF-8 with a byte-order mark so Excel reads the Thai correctly. Each row is a
    list of (value, is money): money is written as 1234.50, and text that a spreadsheet would
    run as a formula is made inert."""
    writer = csv.writer(_Echo())
    yield UTF8_BOM + writer.writerow(header)
    for row in rows:
        yield writer.writerow([_csv_value(value, is_money) for value, is_money in row])
