"""Data-quality warnings on projects, computed in SQL.

Four kinds (`WarningReview.Kind`): the periods' sum differs from the budget (no periods counts
as 0.00), a period lies outside the project's dates, two periods overlap (share a day: one
ending 31 Dec and the next starting 1 Jan only touch), a report window ends before its period
starts. Nothing loops over periods in Python. The rules come in two shapes:

- `annotate_warnings(queryset)`: correlated subqueries per project (found through the
  `project_id` index). It composes with any Project queryset and is cheap for the rows of one
  page: the project page and the rows of the project list use it.
- the set-based query behind `with_open_warnings` and the review page: one GROUP BY pass over
  the periods (one window for overlaps), unpivoted into one row per (project, kind), counted
  with window functions and cut into pages with LIMIT/OFFSET, all in one statement.

Both build their flags from the same rule functions below, and a test checks that they agree.

A reviewed warning stays quiet only while the numbers behind it are unchanged: each kind has a
fingerprint (md5 of those numbers, computed in SQL, one definition for both shapes) and a review
counts only while it holds the current fingerprint.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.postgres.aggregates import BoolOr, StringAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.expressions import RawSQL, RowRange
from django.db.models.functions import MD5, Cast, Coalesce, Concat
from django.db.models.lookups import GreaterThan, LessThan
from django.utils.translation import gettext

from chsd_portal.thai import format_date, format_date_range, format_money

from .models import BudgetPeriod, Programme, Project, WarningReview

Kind = WarningReview.Kind

#: Every kind, in the order pages show them.
KINDS: tuple[str, ...] = (
    Kind.BUDGET_MISMATCH,
    Kind.PERIOD_OUTSIDE,
    Kind.PERIODS_OVERLAP,
    Kind.REPORT_BEFORE_PERIOD,
)

MONEY = DecimalField(max_digits=14, decimal_places=2)


def flag_name(kind: str) -> str:
    """The boolean annotation saying the warning applies: warn_budget_mismatch, …"""
    return f"warn_{kind}"


def fingerprint_name(kind: str) -> str:
    return f"fingerprint_{kind}"


def reviewed_name(kind: str) -> str:
    """The boolean annotation saying a review holds the current fingerprint."""
    return f"reviewed_{kind}"


def open_name(kind: str) -> str:
    """1 when the warning applies and is not currently reviewed, else 0."""
    return f"open_{kind}"


# --- The rules, over "a period's field" and "the project's field" ----------------------------
# `period(name)` and `project(name)` return expressions: F("start_date") / OuterRef(...) in the
# correlated shape, F("periods__start_date") / F("start_date") in the set-based one.


def _outside(period, project) -> Q:
    """A period starting before the project starts or ending after it ends."""
    return Q(LessThan(period("start_date"), project("start_date"))) | Q(
        GreaterThan(period("end_date"), project("end_date"))
    )


def _report_before(period):
    """A report window that ends before its period starts (no report date: no warning)."""
    return LessThan(period("report_end"), period("start_date"))


def _mismatch():
    """The periods' total (annotated as `periods_total`) differs from the budget."""
    return ExpressionWrapper(~Q(periods_total=F("budget")), output_field=BooleanField())


# --- Correlated shape (one project at a time) ------------------------------------------------


def _project_periods():
    """The periods of the outer project (a correlated subquery on the FK index)."""
    return BudgetPeriod.objects.filter(project=OuterRef("pk")).order_by()


def _as_text(expression):
    return Cast(expression, output_field=CharField())


def _periods_text(*fields: str):
    """The periods' fields as one ordered text, 'number:field:field,…' ('' without periods)."""
    parts = [_as_text(F("number"))]
    for name in fields:
        parts += [Value(":"), Coalesce(_as_text(F(name)), Value(""))]
    aggregated = (
        _project_periods()
        .values("project")
        .annotate(text=StringAgg(Concat(*parts, output_field=CharField()), ",", order_by=("number",)))
        .values("text")
    )
    return Coalesce(Subquery(aggregated, output_field=CharField()), Value(""), output_field=CharField())


def _periods_total():
    """The sum of the outer project's periods, 0.00 without periods."""
    total = _project_periods().values("project").annotate(total=Sum("amount")).values("total")
    # Cast so that no periods reads 0.00 like a real sum, and both fingerprint the same way.
    return Cast(Coalesce(Subquery(total, output_field=MONEY), Value(Decimal("0.00"))), output_field=MONEY)


def _fingerprints() -> dict[str, object]:
    """md5 of the numbers each warning depends on; a review holds the one it was made on."""
    project_dates = [_as_text(F("start_date")), Value("|"), _as_text(F("end_date")), Value("|")]
    return {
        Kind.BUDGET_MISMATCH: MD5(
            Concat(_as_text(F("budget")), Value("|"), _as_text(_periods_total()), output_field=CharField())
        ),
        Kind.PERIOD_OUTSIDE: MD5(
            Concat(*project_dates, _periods_text("start_date", "end_date"), output_field=CharField())
        ),
        Kind.PERIODS_OVERLAP: MD5(_periods_text("start_date", "end_date")),
        Kind.REPORT_BEFORE_PERIOD: MD5(_periods_text("start_date", "end_date", "report_start", "report_end")),
    }


def _correlated_flags() -> dict[str, object]:
    overlapping_other = BudgetPeriod.objects.filter(
        project=OuterRef("project"),
        start_date__lte=OuterRef("end_date"),
        end_date__gte=OuterRef("start_date"),
    ).exclude(pk=OuterRef("pk"))
    return {
        Kind.BUDGET_MISMATCH: _mismatch(),
        Kind.PERIOD_OUTSIDE: Exists(_project_periods().filter(_outside(F, OuterRef))),
        Kind.PERIODS_OVERLAP: Exists(_project_periods().filter(Exists(overlapping_other))),
        Kind.REPORT_BEFORE_PERIOD: Exists(_project_periods().filter(_report_before(F))),
    }


def annotate_warnings(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Add the warnings to every project of `queryset`, in SQL, one project at a time: meant for
    the rows of a page (filters and counts over many projects use `with_open_warnings`).

    Annotations: `periods_total` (0.00 without periods), `budget_difference` (total - budget),
    and for each kind `warn_<kind>` (applies), `reviewed_<kind>` (a review holds the current
    fingerprint), `open_<kind>` (1/0); then `warning_count` (kinds that apply) and
    `open_warning_count` (of those, not currently reviewed). The fingerprints are aliases
    (`fingerprint_<kind>`, not selected, so a list does not pay for them; annotate
    `F("fingerprint_<kind>")` to read one, as `current_fingerprint` does).
    """
    flags = _correlated_flags()
    queryset = (
        queryset.annotate(periods_total=_periods_total())
        .annotate(budget_difference=ExpressionWrapper(F("periods_total") - F("budget"), output_field=MONEY))
        .annotate(**{flag_name(kind): flags[kind] for kind in KINDS})
        # An alias: it runs only inside the review lookups below, where a review exists.
        .alias(**{fingerprint_name(kind): fp for kind, fp in _fingerprints().items()})
    )
    queryset = queryset.annotate(
        **{
            reviewed_name(kind): Exists(
                WarningReview.objects.filter(
                    project=OuterRef("pk"), kind=kind, fingerprint=OuterRef(fingerprint_name(kind))
                )
            )
            for kind in KINDS
        }
    )
    queryset = queryset.annotate(
        **{
            # Nested CASE so that the review lookup runs only for warnings that apply.
            open_name(kind): Case(
                When(
                    **{flag_name(kind): True},
                    then=Case(When(**{reviewed_name(kind): True}, then=Value(0)), default=Value(1)),
                ),
                default=Value(0),
                output_field=IntegerField(),
            )
            for kind in KINDS
        }
    )
    return queryset.annotate(
        warning_count=sum(
            (Case(When(**{flag_name(kind): True}, then=Value(1)), default=Value(0)) for kind in KINDS),
            start=Value(0),
        ),
        open_warning_count=sum((F(open_name(kind)) for kind in KINDS), start=Value(0)),
    )


def current_fingerprint(project_id: int, kind: str) -> tuple[bool, str]:
    """Whether the warning of `kind` applies to the project now, and its current fingerprint
    (one query, the same SQL as the pages use)."""
    row = (
        annotate_warnings(Project.objects.filter(pk=project_id))
        .annotate(fingerprint=F(fingerprint_name(kind)))
        .values_list(flag_name(kind), "fingerprint")
        .get()
    )
    return bool(row[0]), row[1]


# --- Set-based shape (many projects in one statement) ----------------------------------------


def _overlapping_project_ids() -> QuerySet[BudgetPeriod]:
    """Ids of projects with two periods sharing a day: taken by start date, a period overlaps an
    earlier one when it starts on or before the latest end among them (one window, one pass)."""
    return (
        BudgetPeriod.objects.order_by()
        .annotate(
            latest_earlier_end=Window(
                Max("end_date"),
                partition_by=[F("project_id")],
                order_by=[F("start_date").asc(), F("id").asc()],
                frame=RowRange(start=None, end=-1),
            )
        )
        .filter(start_date__lte=F("latest_earlier_end"))
        .values("project_id")
    )


def _flag_table(scope: QuerySet[Project]):
    """(sql, params): per project of `scope`, its id, periods_total, budget_difference and the
    four flags, in one GROUP BY over the periods join. Each flag appears once in the select list
    (the statement around it refers to the columns), so no subquery runs twice."""
    period = lambda name: F(f"periods__{name}")  # noqa: E731
    queryset = (
        scope.order_by()
        .annotate(
            periods_total=Cast(Coalesce(Sum("periods__amount"), Value(Decimal("0.00"))), output_field=MONEY)
        )
        .annotate(
            budget_difference=ExpressionWrapper(F("periods_total") - F("budget"), output_field=MONEY),
            **{
                flag_name(Kind.BUDGET_MISMATCH): _mismatch(),
                flag_name(Kind.PERIOD_OUTSIDE): Coalesce(
                    BoolOr(_outside(period, F)), Value(False), output_field=BooleanField()
                ),
                flag_name(Kind.PERIODS_OVERLAP): ExpressionWrapper(
                    Q(pk__in=_overlapping_project_ids()), output_field=BooleanField()
                ),
                flag_name(Kind.REPORT_BEFORE_PERIOD): Coalesce(
                    BoolOr(_report_before(period)), Value(False), output_field=BooleanField()
                ),
            },
        )
        .values("id", "periods_total", "budget_difference", *(flag_name(kind) for kind in KINDS))
    )
    return queryset.query.sql_with_params()


def _fingerprint_sql(kind: str, project_id_sql: str):
    """(sql, params): a scalar subquery giving the current fingerprint of `kind` for the project
    whose id is the SQL `project_id_sql` (the very expressions `annotate_warnings` uses)."""
    queryset = (
        Project.objects.filter(pk=RawSQL(project_id_sql, ()))
        .order_by()
        .annotate(fingerprint=_fingerprints()[kind])
        .values("fingerprint")
    )
    sql, params = queryset.query.sql_with_params()
    return f"({sql})", list(params)


def _checked_rows_sql(scope: QuerySet[Project]):
    """(sql, params) of WITH-clauses ending in `checked`: one row per (project, kind) that
    applies, with `position` (the kind's order), the project's numbers and `is_reviewed` (a
    review holds the current fingerprint: looked up only for these rows)."""
    flags_sql, flags_params = _flag_table(scope)
    params: list = list(flags_params)
    values = []
    for position, kind in enumerate(KINDS):
        values.append(f"(%s, {position}, flags.{flag_name(kind)})")
        params.append(str(kind))
    cases = []
    for kind in KINDS:
        fingerprint_sql, fingerprint_params = _fingerprint_sql(kind, "warned.project_id")
        cases.append(f"WHEN %s THEN {fingerprint_sql}")
        params += [str(kind), *fingerprint_params]
    sql = f"""
        WITH flags AS ({flags_sql}),
        warned AS (
            SELECT flags.id AS project_id, flags.periods_total, flags.budget_difference,
                   kinds.kind, kinds.position
            FROM flags
            CROSS JOIN LATERAL (VALUES {", ".join(values)}) AS kinds (kind, position, applies)
            WHERE kinds.applies
        ),
        checked AS MATERIALIZED (
            SELECT warned.*, EXISTS (
                SELECT 1 FROM programmes_warningreview AS review
                WHERE review.project_id = warned.project_id AND review.kind = warned.kind
                  AND review.fingerprint = CASE warned.kind {" ".join(cases)} END
            ) AS is_reviewed
            FROM warned
        )"""
    return sql, params


def _open_project_ids_sql(scope: QuerySet[Project]) -> RawSQL:
    sql, params = _checked_rows_sql(scope)
    return RawSQL(f"{sql} SELECT DISTINCT project_id FROM checked WHERE NOT is_reviewed", params)


def with_open_warnings(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """`queryset` narrowed to projects with a warning nobody has reviewed (the project list's
    "has warnings"): a plain `pk IN (…)` filter over one set-based statement, so it composes
    with any other filter, ordering or annotation and adds none itself."""
    scope = Project.objects.filter(pk__in=queryset.order_by().values("pk"))
    return queryset.filter(pk__in=_open_project_ids_sql(scope))


def filter_has_warnings(queryset: QuerySet[Project], has_warnings: bool | None) -> QuerySet[Project]:
    """For a list filter: True keeps projects with open warnings, False those without, None all."""
    if has_warnings is None:
        return queryset
    if has_warnings:
        return with_open_warnings(queryset)
    return queryset.exclude(pk__in=_open_project_ids_sql(Project.objects.all()))


# --- Warnings as pages show them -------------------------------------------------------------


@dataclass
class ProjectWarning:
    """One warning of one project, worded for people."""

    kind: str
    message: str
    details: list[str] = field(default_factory=list)
    difference: Decimal | None = None
    review: WarningReview | None = None

    @property
    def is_reviewed(self) -> bool:
        return self.review is not None

    @property
    def label(self) -> str:
        return str(Kind(self.kind).label)


def periods_with_problems(project_ids) -> QuerySet[BudgetPeriod]:
    """The periods of these projects, each saying (in SQL) which warnings it takes part in:
    `is_outside`, `report_before`, and `overlaps` (the numbers of later periods it overlaps)."""
    later_overlapping = (
        BudgetPeriod.objects.filter(
            project=OuterRef("project"),
            number__gt=OuterRef("number"),
            start_date__lte=OuterRef("end_date"),
            end_date__gte=OuterRef("start_date"),
        )
        .order_by("number")
        .values("number")
    )
    project = lambda name: F(f"project__{name}")  # noqa: E731
    return (
        BudgetPeriod.objects.filter(project_id__in=project_ids)
        .annotate(
            is_outside=ExpressionWrapper(_outside(F, project), output_field=BooleanField()),
            report_before=Coalesce(_report_before(F), Value(False), output_field=BooleanField()),
            overlaps=ArraySubquery(later_overlapping),
        )
        .order_by("project_id", "number")
    )


def _period_label(period: BudgetPeriod) -> str:
    return gettext("period %(number)s (%(dates)s)") % {
        "number": period.number,
        "dates": format_date_range(period.start_date, period.end_date, long=False),
    }


def _budget_mismatch(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    return ProjectWarning(
        kind=Kind.BUDGET_MISMATCH,
        message=gettext(
            "Warning : the sum of all periods (%(periods)s) does not equal the project budget (%(budget)s)"
        )
        % {"periods": format_money(project.periods_total), "budget": format_money(project.budget)},
        details=[
            gettext("Difference (periods - budget): %(difference)s")
            % {"difference": format_money(project.budget_difference)}
        ],
        difference=project.budget_difference,
    )


def _period_outside(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    concerned = [_period_label(p) for p in periods if p.is_outside]
    return ProjectWarning(
        kind=Kind.PERIOD_OUTSIDE,
        message=gettext("Warning : %(periods)s fall outside the project's dates (%(project_dates)s)")
        % {
            "periods": ", ".join(concerned),
            "project_dates": format_date_range(project.start_date, project.end_date, long=False),
        },
        details=concerned,
    )


def _periods_overlap(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    by_number = {p.number: p for p in periods}
    pairs = [
        gettext("%(first)s and %(second)s")
        % {"first": _period_label(p), "second": _period_label(by_number[other])}
        for p in periods
        for other in p.overlaps or []
        if other in by_number
    ]
    return ProjectWarning(
        kind=Kind.PERIODS_OVERLAP,
        message=gettext("Warning : the dates of %(pairs)s overlap") % {"pairs": "; ".join(pairs)},
        details=pairs,
    )


def _report_before_period(project: Project, periods: list[BudgetPeriod]) -> ProjectWarning:
    concerned = [
        gettext("period %(number)s: report dates end %(report_end)s, period dates start %(start)s")
        % {"number": p.number, "report_end": format_date(p.report_end), "start": format_date(p.start_date)}
        for p in periods
        if p.report_before
    ]
    return ProjectWarning(
        kind=Kind.REPORT_BEFORE_PERIOD,
        message=gettext("Warning : the report dates end before the period dates start (%(periods)s)")
        % {"periods": "; ".join(concerned)},
        details=concerned,
    )


_BUILDERS = {
    Kind.BUDGET_MISMATCH: _budget_mismatch,
    Kind.PERIOD_OUTSIDE: _period_outside,
    Kind.PERIODS_OVERLAP: _periods_overlap,
    Kind.REPORT_BEFORE_PERIOD: _report_before_period,
}


def build_warning(
    project: Project, kind: str, periods: list[BudgetPeriod], review: WarningReview | None = None
) -> ProjectWarning:
    """One warning of a project carrying `periods_total` and `budget_difference`, worded from its
    periods as `periods_with_problems` gives them; `review` only when it is current."""
    warning = _BUILDERS[kind](project, periods)
    warning.review = review
    return warning


def _periods_by_project(project_ids) -> dict[int, list[BudgetPeriod]]:
    """One query: the periods of these projects with their per-period flags."""
    periods: dict[int, list[BudgetPeriod]] = defaultdict(list)
    if project_ids:
        for period in periods_with_problems(list(project_ids)):
            periods[period.project_id].append(period)
    return periods


def _reviews_by_key(project_ids) -> dict[tuple[int, str], WarningReview]:
    """One query: the reviews of these projects with their reviewer, by (project id, kind)."""
    if not project_ids:
        return {}
    reviews = WarningReview.objects.filter(project_id__in=list(project_ids)).select_related("reviewed_by")
    return {(review.project_id, review.kind): review for review in reviews}


def warnings_for_projects(projects: list[Project]) -> dict[int, list[ProjectWarning]]:
    """The warnings of projects annotated by `annotate_warnings`, by project id (two queries at
    most, whatever the number of projects: their periods and their current reviews)."""
    flagged = [p for p in projects if p.warning_count]
    periods = _periods_by_project({p.pk for p in flagged})
    reviews = _reviews_by_key(
        {p.pk for p in flagged if any(getattr(p, reviewed_name(kind)) for kind in KINDS)}
    )
    result: dict[int, list[ProjectWarning]] = {p.pk: [] for p in projects}
    for project in flagged:
        for kind in KINDS:
            if getattr(project, flag_name(kind)):
                review = reviews.get((project.pk, kind)) if getattr(project, reviewed_name(kind)) else None
                result[project.pk].append(build_warning(project, kind, periods[project.pk], review))
    return result


def warnings_for_project(project: Project) -> list[ProjectWarning]:
    """A project's warnings, open ones first (1 to 3 queries whatever its size)."""
    annotated = annotate_warnings(Project.objects.filter(pk=project.pk)).get()
    warnings = warnings_for_projects([annotated])[annotated.pk]
    return sorted(warnings, key=lambda w: w.is_reviewed)


# --- The admins' review page -----------------------------------------------------------------

REVIEW_PAGE_SIZE = 50


class Status:
    """Which rows the review page lists."""

    OPEN = "open"
    REVIEWED = "reviewed"
    ALL = "all"
    CHOICES = (OPEN, REVIEWED, ALL)


# ORDER BY of each sort key; the project code and id, then the kind, break ties so that pages
# never repeat or skip a row. "difference" is its size, whatever the sign, and only a budget
# mismatch has one: the other kinds follow, by project code.
SORTS = {
    "-difference": f"CASE WHEN counted.kind = '{Kind.BUDGET_MISMATCH.value}' THEN ABS(counted.budget_difference) END DESC NULLS LAST",
    "difference": f"CASE WHEN counted.kind = '{Kind.BUDGET_MISMATCH.value}' THEN ABS(counted.budget_difference) END ASC NULLS LAST",
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
    rows: list[ReviewRow]
    summary: ReviewSummary
    number: int
    num_pages: int
    page_size: int = REVIEW_PAGE_SIZE
    programmes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.page_size + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.page_size + len(self.rows)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages


def _review_rows_raw(filters: ReviewFilters, *, limit: int | None = None, offset: int = 0) -> list[Project]:
    """One statement: the listed (project, kind) rows in order, each a Project carrying `kind`,
    `is_reviewed`, `periods_total`, `budget_difference`, `programme_name`, and the counts of the
    whole scope as window sums (`rows_total`, `count_open_<kind>`, `count_warn_<kind>`), so the
    page and its counts come from one pass, never from a second COUNT. With `limit` (a page),
    each row also carries its current `fingerprint`, computed for the page's rows only."""
    sql, params = _checked_rows_sql(filters.scope())
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
        fingerprint_sql, fingerprint_params = _fingerprint_sql(kind, "page.id")
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
    periods = _periods_by_project({row.pk for row in raw_rows})
    reviews = _reviews_by_key({row.pk for row in raw_rows if row.is_reviewed})
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


def review_page(filters: ReviewFilters, number: int = 1, size: int = REVIEW_PAGE_SIZE) -> ReviewPage:
    """One page of the review list with the counts of the filters' scope and the programmes to
    filter by: one statement for the rows and counts, one for the page's periods, one for its
    reviews, one for the programmes, whatever the number of projects. A page past the end
    shows the last page (one more statement, two at most)."""
    number = max(1, number)
    raw_rows = _review_rows_raw(filters, limit=size, offset=(number - 1) * size)
    if not raw_rows and number > 1:
        # Past the end (the list shrank, or a hand-typed page): show the last page.
        first = _review_rows_raw(filters, limit=1)
        number = max(1, -(-first[0].rows_total // size)) if first else 1
        raw_rows = _review_rows_raw(filters, limit=size, offset=(number - 1) * size) if first else []
    summary = _summary_from(raw_rows[0] if raw_rows else None)
    return ReviewPage(
        rows=_word_rows(raw_rows),
        summary=summary,
        number=number,
        num_pages=max(1, -(-summary.rows // size)),
        page_size=size,
        programmes=list(Programme.objects.order_by("name").values_list("pk", "name")),
    )


# The data-version area the review page reads (chsd_portal.datasql):
# programmes/migrations/0005_track_warning_tables.py bumps it on any write to projects,
# periods, reviews, programmes or users, so a cached review page is never stale.
DATA_AREA = "programmes"  # see migrations/0005_track_portal_tables.py


def review_rows(filters: ReviewFilters) -> list[ReviewRow]:
    """Every row of the filtered list, in the page's order (for the exports): one statement for
    the rows, one for their periods, one for their reviews."""
    return _word_rows(_review_rows_raw(filters))
