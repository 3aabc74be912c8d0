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

The admins' review page reads these rules through `checked_rows_sql`
(programmes/selectors/warning_review.py); the words of each warning are in
programmes/text/warnings.py.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.postgres.aggregates import BoolOr, StringAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
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

from ..models import BudgetPeriod, Project, WarningReview
from ..text.warnings import ProjectWarning, build_warning

Kind = WarningReview.Kind

#: Every kind, in the order pages show them.
KINDS: tuple[str, ...] = (
    Kind.BUDGET_MISMATCH,
    Kind.PERIOD_OUTSIDE,
    Kind.PERIODS_OVERLAP,
    Kind.REPORT_BEFORE_PERIOD,
)

# Sums of money: two more digits than an amount (max_digits=14), so a total never overflows.
MONEY = DecimalField(max_digits=16, decimal_places=2)


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


def periods_total():
    """The sum of the outer project's periods, 0.00 without periods (a correlated subquery on
    the FK index): the one definition every page, sort and export uses."""
    total = _project_periods().values("project").annotate(total=Sum("amount")).values("total")
    # Cast so that no periods reads 0.00 like a real sum, and both fingerprint the same way.
    return Cast(Coalesce(Subquery(total, output_field=MONEY), Value(Decimal("0.00"))), output_field=MONEY)


def _fingerprints() -> dict[str, object]:
    """md5 of the numbers each warning depends on; a review holds the one it was made on."""
    project_dates = [_as_text(F("start_date")), Value("|"), _as_text(F("end_date")), Value("|")]
    return {
        Kind.BUDGET_MISMATCH: MD5(
            Concat(_as_text(F("budget")), Value("|"), _as_text(periods_total()), output_field=CharField())
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
        queryset.annotate(periods_total=periods_total())
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


def _overlapping_project_ids(scope: QuerySet[Project]) -> QuerySet[BudgetPeriod]:
    """Ids of the projects of `scope` with two periods sharing a day: taken by start date, a
    period overlaps an earlier one when it starts on or before the latest end among them (one
    window, one pass over the scope's periods only)."""
    return (
        BudgetPeriod.objects.filter(project__in=scope.order_by().values("pk"))
        .order_by()
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
                    Q(pk__in=_overlapping_project_ids(scope)), output_field=BooleanField()
                ),
                flag_name(Kind.REPORT_BEFORE_PERIOD): Coalesce(
                    BoolOr(_report_before(period)), Value(False), output_field=BooleanField()
                ),
            },
        )
        .values("id", "periods_total", "budget_difference", *(flag_name(kind) for kind in KINDS))
    )
    return queryset.query.sql_with_params()


def fingerprint_subquery(kind: str, project_id_sql: str):
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


def checked_rows_sql(scope: QuerySet[Project]):
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
        fingerprint_sql, fingerprint_params = fingerprint_subquery(kind, "warned.project_id")
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
    sql, params = checked_rows_sql(scope)
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


@dataclass(frozen=True)
class WarningCounts:
    periods_total: Decimal
    warning_count: int
    open_warning_count: int


# Stands for the array of project ids in the cached statement below until it runs.
_PROJECT_IDS = object()


@functools.cache
def _counts_statement() -> tuple[str, tuple]:
    """The set-based statement counting each project's warnings, compiled once per process:
    Django takes longer to build its SQL (the fingerprints' subqueries) than PostgreSQL takes
    to run it for a page of rows, and only the ids change from one page to the next."""
    scope = Project.objects.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (_PROJECT_IDS,)))
    sql, params = checked_rows_sql(scope)
    sql += """
        SELECT flags.id, flags.periods_total, COUNT(checked.kind) AS warning_count,
               COUNT(checked.kind) FILTER (WHERE NOT checked.is_reviewed) AS open_warning_count
        FROM flags LEFT JOIN checked ON checked.project_id = flags.id
        GROUP BY flags.id, flags.periods_total"""
    return sql, tuple(params)


def warning_counts(project_ids: list[int]) -> dict[int, WarningCounts]:
    """Per project: the total of its periods (0.00 without periods), how many warnings apply and
    how many of those nobody has reviewed at the current numbers; one statement, the same
    rules as the review page."""
    if not project_ids:
        return {}
    sql, params = _counts_statement()
    params = [list(project_ids) if param is _PROJECT_IDS else param for param in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk: WarningCounts(total, count, open_count) for pk, total, count, open_count in cursor}


# --- The periods behind each warning, and the warnings as pages show them --------------------


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


def periods_by_project(project_ids) -> dict[int, list[BudgetPeriod]]:
    """One query: the periods of these projects with their per-period flags."""
    periods: dict[int, list[BudgetPeriod]] = defaultdict(list)
    if project_ids:
        for period in periods_with_problems(list(project_ids)):
            periods[period.project_id].append(period)
    return periods


def reviews_by_key(project_ids) -> dict[tuple[int, str], WarningReview]:
    """One query: the reviews of these projects with their reviewer, by (project id, kind)."""
    if not project_ids:
        return {}
    reviews = WarningReview.objects.filter(project_id__in=list(project_ids)).select_related("reviewed_by")
    return {(review.project_id, review.kind): review for review in reviews}


def warnings_for_projects(projects: list[Project]) -> dict[int, list[ProjectWarning]]:
    """The warnings of projects annotated by `annotate_warnings`, by project id (two queries at
    most, whatever the number of projects: their periods and their current reviews)."""
    flagged = [p for p in projects if p.warning_count]
    periods = periods_by_project({p.pk for p in flagged})
    reviews = reviews_by_key(
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
