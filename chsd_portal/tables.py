"""One table for the whole portal (templates/includes/table.html): a view describes its columns
and rows here, the partial prints them.

Below the `md` breakpoint the table stacks (static/css/portal.css, `.table-stacked`): each row
becomes a card and each cell carries its column's label (`data-label`), so a money column or an
action never hides off-screen on a phone. A cell that does not apply to its row (`empty=True`)
is left out of the card and shows "–" in the wide layout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Column:
    label: str
    css: str = ""  # classes of the column's cells and header, e.g. "table-money"
    # A header link that sorts by this column, and the aria-sort of the current sort.
    sort_url: str = ""
    aria_sort: str = ""
    # Adjacent columns with the same group get one header above theirs ("วันที่ตามงวดโครงการ").
    group: str = ""

    @property
    def data_label(self) -> str:
        return f"{self.group} {self.label}" if self.group else self.label


@dataclass
class Cell:
    value: Any = ""  # printed with autoescape (mark_safe what is already HTML)
    css: str = ""
    template: str = ""  # included instead of `value`, with `row` set to the row's `context`
    header: bool = False  # <th scope="row">
    empty: bool = False  # does not apply to this row
    colspan: int = 1
    label: str = ""  # set by Table from its column


@dataclass
class Row:
    cells: list[Cell]
    context: Any = None
    css: str = ""


@dataclass
class HeaderCell:
    label: str
    scope: str = "col"
    colspan: int = 1
    rowspan: int = 1
    css: str = ""
    sort_url: str = ""
    aria_sort: str = ""


@dataclass
class Table:
    columns: list[Column]
    rows: list[Row]
    caption: str
    css: str = ""  # extra classes of <table>, e.g. "table-bordered project-periods"
    caption_visible: bool = False
    empty_text: str = ""
    footer: list[Row] = field(default_factory=list)

    def __post_init__(self):
        for row in [*self.rows, *self.footer]:
            position = 0
            for cell in row.cells:
                column = self.columns[min(position, len(self.columns) - 1)]
                if not cell.label:
                    cell.label = column.data_label if cell.colspan == 1 else ""
                if column.css and not cell.colspan > 1:
                    cell.css = f"{column.css} {cell.css}".strip()
                position += cell.colspan

    @property
    def header_rows(self) -> list[list[HeaderCell]]:
        """One header row, or two when some columns share a group header (rowspan/colspan)."""
        grouped = any(column.group for column in self.columns)
        top: list[HeaderCell] = []
        below: list[HeaderCell] = []
        for column in self.columns:
            own = HeaderCell(
                label=column.label,
                css=column.css,
                sort_url=column.sort_url,
                aria_sort=column.aria_sort,
            )
            if not column.group:
                own.rowspan = 2 if grouped else 1
                top.append(own)
                continue
            if top and top[-1].scope == "colgroup" and top[-1].label == column.group:
                top[-1].colspan += 1
            else:
                top.append(HeaderCell(label=column.group, scope="colgroup"))
            below.append(own)
        return [top, below] if grouped else [top]
