"""The CSV and XLSX writers both exports use (the project list's and the budget review's), their
formats and file names, and the one money conversion they share.

CSV is UTF-8 with a byte-order mark, so Excel reads the Thai; text that a spreadsheet would run
as a formula is made inert. Money is a number with two decimals, so the sheet can add it up.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape as xml_escape

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


# --- A small XLSX writer ----------------------------------------------------------------------
#
# openpyxl (even write-only, with or without lxml) spends ~70 µs a cell: 10,000 projects with
# their periods (~300,000 cells) took 20-30 s, past gunicorn's 30 s timeout. The sheets here
# need only text, whole numbers and money in two styles, which SpreadsheetML writes as plain
# XML; this writer does so in about a second. The tests read its files back with openpyxl.

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Style ids in styles.xml: 0 plain, 1 bold (headers), 2 money.
_STYLE_BOLD, _STYLE_MONEY = 1, 2
_STYLES = (
    f'{_XML_HEAD}<styleSheet xmlns="{_MAIN_NS}">'
    f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{MONEY_FORMAT}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Tahoma"/></font>'
    '<font><b/><sz val="11"/><name val="Tahoma"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
# Characters XML 1.0 cannot hold (they come along when text is pasted from other programs).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_CELL_LIMIT = 32767


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _text(value) -> str:
    return xml_escape(_NOT_XML.sub("", str(value))[:_EXCEL_CELL_LIMIT])


class XlsxWriter:
    """Sheets of rows written straight into the zip, one row at a time."""

    def __init__(self):
        self._buffer = BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", compression=zipfile.ZIP_DEFLATED)
        self._sheets: list[str] = []

    def add_sheet(self, title: str, headers: list[str], rows, *, widths=()) -> None:
        """`rows` yields lists of (value, is_money); None or "" leaves the cell empty."""
        number = len(self._sheets) + 1
        self._sheets.append(title[:31])
        letters = [_column_letter(index) for index in range(max(len(headers), len(widths)))]
        with self._zip.open(f"xl/worksheets/sheet{number}.xml", "w") as out:
            out.write(
                (
                    f'{_XML_HEAD}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
                    # The first two columns and the header row stay in view while scrolling.
                    '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="1" '
                    'topLeftCell="C2" activePane="bottomRight" state="frozen"/>'
                    '<selection pane="bottomRight"/></sheetView></sheetViews>'
                    '<sheetFormatPr defaultRowHeight="15"/>'
                ).encode()
            )
            if widths:
                cols = "".join(
                    f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
                    for i, width in enumerate(widths, start=1)
                )
                out.write(f"<cols>{cols}</cols>".encode())
            out.write(b"<sheetData>")
            header_cells = "".join(
                f'<c r="{letters[i]}1" t="inlineStr" s="{_STYLE_BOLD}"><is><t>{_text(title)}</t></is></c>'
                for i, title in enumerate(headers)
            )
            out.write(f'<row r="1">{header_cells}</row>'.encode())
            for row_number, row in enumerate(rows, start=2):
                out.write(self._row(row_number, row, letters).encode())
            out.write(b"</sheetData></worksheet>")

    @staticmethod
    def _row(row_number: int, values, letters: list[str]) -> str:
        cells = []
        for index, (value, is_money) in enumerate(values):
            if value is None or value == "":
                continue
            ref = f"{letters[index]}{row_number}"
            if is_money:
                cells.append(f'<c r="{ref}" s="{_STYLE_MONEY}"><v>{value}</v></c>')
            elif isinstance(value, int | Decimal) and not isinstance(value, bool):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            else:
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'
                )
        return f'<row r="{row_number}">{"".join(cells)}</row>'

    def close(self) -> bytes:
        sheets = "".join(
            f'<sheet name="{_text(title)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, title in enumerate(self._sheets, start=1)
        )
        count = len(self._sheets)
        self._zip.writestr(
            "xl/workbook.xml",
            f'{_XML_HEAD}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
            f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>",
        )
        sheet_rels = "".join(
            f'<Relationship Id="rId{n}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        self._zip.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL_NS}">{sheet_rels}'
            f'<Relationship Id="rId{count + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>'
            "</Relationships>",
        )
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.writestr(
            "_rels/.rels",
            f'{_XML_HEAD}<Relationships xmlns="{_PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        sheet_types = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        self._zip.writestr(
            "[Content_Types].xml",
            f'{_XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{sheet_types}"
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            "</Types>",
        )
        self._zip.close()
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
