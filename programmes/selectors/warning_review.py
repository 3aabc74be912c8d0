"""The admins' budget review (ตรวจสอบงบประมาณ): every warning of every project as one row per
(project, kind), filtered, sorted, counted and cut into pages in one statement built on the
warnings' SQL (programmes/selectors/warnings.py), then worded for the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet, TextChoices
from django.utils.translation import gettext_lazy as _

from ..models import Programme, Project, WarningReview
from ..text.warnings import build_warning
from .warnings import KINDS, checked_rows_sql, fingerprint_subquery, periods_by_project, reviews_by_key

REVIEW_PAGE_SIZE = 50


class Status(TextChoices):
    """Which rows the review page lists."""

    OPEN = "open", _("Not reviewed")
    REVIEWED = "reviewed", _("Reviewed")
    ALL = "all", _("All")


# ORDER BY of each sort key; the project code and id, then the kind, break ties so that pages
# never repeat or skip a row. "difference" is its size, whatever the sign, and only a budget
# mismatch has one: the other kinds follow, by project code.
_BUDGET_DIFFERENCE = (
    f"CASE WHEN counted.kind = '{WarningReview.Kind.BUDGET_MISMATCH.value}' "
    "THEN ABS(counted.budget_difference) END"
)
SORTS = {
    "-difference": f"{_BUDGET_DIFFERENCE} DESC NULLS LAST",
    "difference": f"{_BUDGET_DIFFERENCE} ASC NULLS LAST",
    "code": "project.code ASC",
    "-code": "project.code DESC",
    "name": "project.name ASC",
    "-name": "project.name DESC",
}
DEFAULT_SORT = "-difference"


@dataclass(frozen=True)
class ReviewFilters:
    """The review page's filters, already validated (see the page's form)."""

    kind: str = ""
    status: str = Status.OPEN
    programme: int | None = None
    q: str = ""
    sort: str = DEFAULT_SORT

    def scope(self) -> QuerySet[Project]:
        """The projects whose warnings are counted: programme and search narrow it."""
        scope = Project.objects.all()
        if self.programme:
            scope = scope.filter(programme_id=self.programme)
        if self.q:
            scope = scope.filter(Q(code__icontains=self.q) | Q(name__icontains=self.q))
        return scope


@dataclass
class ReviewRow:
    """One (project, kind) row of the review page, in plain values."""

    project_id: int
    code: str
    name: str
    programme_name: str
    budget: Decimal
    periods_total: Decimal
    budget_difference: Decimal
    kind: str
    label: str
    message: str
    details: list[str] = field(default_factory=list)
    # The numbers behind the warning as the page shows them: marking reviewed checks it.
    fingerprint: str = ""
    reviewed_by: str = ""
    reviewed_at: dt.datetime | None = None
    note: str = ""

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None

    @property
    def is_open(self) -> bool:
        return not self.is_reviewed


@dataclass
class ReviewSummary:
    """Counts for the filters' scope: per kind, open and reviewed; and the rows listed."""

    rows: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def open(self) -> int:
        return sum(counts["open"] for counts in self.by_kind.values())

    @property
    def reviewed(self) -> int:
        return sum(counts["reviewed"] for counts in self.by_kind.values())


@dataclass
class ReviewPage:
    """One page of the review list: its worded rows, the counts of the filters' scope, the
    programmes to filter by, and Django's `Page` (its paginator gives the page links)."""

    rows: list[ReviewRow]
    summary: ReviewSummary
    page: Page
    programmes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.page.number

    @property
    def num_pages(self) -> int:
        return self.page.paginator.num_pages

    @property
    def page_size(self) -> int:
        return self.page.paginator.per_page

    @property
    def start_index(self) -> int:
        return self.page.start_index()

    @property
    def end_index(self) -> int:
        return self.page.end_index()

    @property
    def has_previous(self) -> bool:
        return self.page.has_previous()

    @property
    def has_next(self) -> bool:
        return self.page.has_next()


class _ReviewRows(Sequence):
    """The filtered rows as Django's Paginator reads them: the count and a page's rows come
    from the same statement (window sums), so paging costs no COUNT of its own. The page
    asked for is read first; only a page past the end needs the count alone (one statement
    of one row) and then the last page."""

    def __init__(self, filters: ReviewFilters, *, offset: int, limit: int):
        self.filters = filters
        rows = _review_rows_raw(filters, limit=limit, offset=offset)
        self._read = {offset: (limit, rows)}
        self._count = rows[0].rows_total if rows else (0 if offset == 0 else None)

    def count(self) -> int:
        if self._count is None:
            first = _review_rows_raw(self.filters, limit=1)
            self._count = first[0].rows_total if first else 0
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("The review rows are read a page at a time.")
        offset, limit = index.start or 0, index.stop - (index.start or 0)
        read_limit, rows = self._read.get(offset, (0, []))
        if read_limit < limit:
            rows = _review_rows_raw(self.filters, limit=limit, offset=offset)
            self._read[offset] = (limit, rows)
        return rows[:limit]


def _review_rows_raw(filters: ReviewFilters, *, limit: int | None = None, offset: int = 0) -> list[Project]:
    """One statement: the listed (project, kind) rows in order, each a Project carrying `kind`,
    `is_reviewed`, `periods_total`, `budget_difference`, `programme_name`, and the counts of the
    whole scope as window sums (`rows_total`, `count_open_<kind>`, `count_warn_<kind>`), so the
    page and its counts come from one pass, never from a second COUNT. With `limit` (a page),
    each row also carries its current `fingerprint`, computed for the page's rows only."""
    sql, params = checked_rows_sql(filters.scope())
    counts = []
    for kind in KINDS:
        counts.append(f"COUNT(*) FILTER (WHERE kind = %s AND NOT is_reviewed) OVER () AS count_open_{kind}")
        counts.append(f"COUNT(*) FILTER (WHERE kind = %s) OVER () AS count_warn_{kind}")
        params += [str(kind), str(kind)]
    where = ["TRUE"]
    if filters.kind in KINDS:
        where.append("counted.kind = %s")
        params.append(str(filters.kind))
    if filters.status == Status.OPEN:
        where.append("NOT counted.is_reviewed")
    elif filters.status == Status.REVIEWED:
        where.append("counted.is_reviewed")
    order = f"{SORTS.get(filters.sort, SORTS[DEFAULT_SORT])}, project.code, project.id, counted.position"
    count_columns = ", ".join(f"counted.count_{state}_{kind}" for kind in KINDS for state in ("open", "warn"))
    listed = f"""
        SELECT project.id, project.code, project.name, project.programme_id, project.status,
               project.budget, project.start_date, project.end_date,
               programme.name AS programme_name, counted.kind, counted.is_reviewed,
               counted.periods_total, counted.budget_difference, {count_columns},
               COUNT(*) OVER () AS rows_total, ROW_NUMBER() OVER (ORDER BY {order}) AS ordinal
        FROM counted
        JOIN programmes_project AS project ON project.id = counted.project_id
        JOIN programmes_programme AS programme ON programme.id = project.programme_id
        WHERE {" AND ".join(where)}
        ORDER BY {order}"""
    sql = f"{sql}, counted AS (SELECT checked.*, {', '.join(counts)} FROM checked)"
    if limit is None:
        return list(Project.objects.raw(sql + listed, params))
    params += [limit, offset]
    cases = []
    for kind in KINDS:
        fingerprint_sql, fingerprint_params = fingerprint_subquery(kind, "page.id")
        cases.append(f"WHEN %s THEN {fingerprint_sql}")
        params += [str(kind), *fingerprint_params]
    # The page is cut first, then only its rows get their fingerprint.
    sql += f""", page AS ({listed} LIMIT %s OFFSET %s)
        SELECT page.*, CASE page.kind {" ".join(cases)} END AS fingerprint
        FROM page ORDER BY page.ordinal"""
    return list(Project.objects.raw(sql, params))


def _summary_from(first: Project | None) -> ReviewSummary:
    summary = ReviewSummary(by_kind={kind: {"open": 0, "reviewed": 0} for kind in KINDS})
    if first is not None:
        summary.rows = first.rows_total
        for kind in KINDS:
            opened, warned = getattr(first, f"count_open_{kind}"), getattr(first, f"count_warn_{kind}")
            summary.by_kind[kind] = {"open": opened, "reviewed": warned - opened}
    return summary


def _reviewer_name(review: WarningReview) -> str:
    user = review.reviewed_by
    return user.get_full_name() or user.get_username()


def _word_rows(raw_rows: list[Project]) -> list[ReviewRow]:
    """Word each row's warning: two queries (the rows' periods, their current reviews)."""
    periods = periods_by_project({row.pk for row in raw_rows})
    reviews = reviews_by_key({row.pk for row in raw_rows if row.is_reviewed})
    rows = []
    for raw in raw_rows:
        review = reviews.get((raw.pk, raw.kind)) if raw.is_reviewed else None
        warning = build_warning(raw, raw.kind, periods[raw.pk], review)
        rows.append(
            ReviewRow(
                project_id=raw.pk,
                code=raw.code,
                name=raw.name,
                programme_name=raw.programme_name,
                budget=raw.budget,
                periods_total=raw.periods_total,
                budget_difference=raw.budget_difference,
                kind=raw.kind,
                label=warning.label,
                message=warning.message,
                details=warning.details,
                fingerprint=getattr(raw, "fingerprint", ""),
                reviewed_by=_reviewer_name(review) if review else "",
                reviewed_at=review.reviewed_at if review else None,
                note=review.note if review else "",
            )
        )
    return rows


# Far past any real last page, and (times any page size) far inside PostgreSQL's bigint OFFSET.
MAX_PAGE_NUMBER = 10**9


def review_page(filters: ReviewFilters, number: int = 1, size: int = REVIEW_PAGE_SIZE) -> ReviewPage:
    """One page of the review list with the counts of the filters' scope and the programmes to
    filter by: one statement for the rows and counts, one for the page's periods, one for its
    reviews, one for the programmes, whatever the number of projects. A page past the end
    shows the last page (two more statements); so does a number too big for the database's
    OFFSET (bigint), which would otherwise be a 500."""
    number = min(max(1, number), MAX_PAGE_NUMBER)
    rows = _ReviewRows(filters, offset=(number - 1) * size, limit=size)
    page = Paginator(rows, size).get_page(number)
    raw_rows = list(page.object_list)
    return ReviewPage(
        rows=_word_rows(raw_rows),
        summary=_summary_from(raw_rows[0] if raw_rows else None),
        page=page,
        programmes=list(Programme.objects.order_by("name").values_list("pk", "name")),
    )


def review_rows(filters: ReviewFilters) -> list[ReviewRow]:
    """Every row of the filtered list, in the page's order (for the exports): one statement for
    the rows, one for their periods, one for their reviews."""
    return _word_rows(_review_rows_raw(filters))
