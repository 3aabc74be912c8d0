"""Reads for the project list (โครงการ) and its exports, with their queries decided here.

The list page costs a fixed number of queries whatever the number of projects: one per filter's
choices, one COUNT on the plain filtered queryset, one for the ids of the page shown, and one
for those (at most 25) rows with their warnings. Expensive annotations (the warnings) are
computed only for the rows shown, never for the whole list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import (
    Exists,
    ExpressionWrapper,
    F,
    Lookup,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
)
from django.utils.translation import gettext_lazy as _

from chsd_portal import roles
from chsd_portal.datasql import data_version
from chsd_portal.thai import fiscal_year, fiscal_year_bounds
from sites.collation import thai_sort_expression
from sites.models import Province

from ..cache import DATA_AREA
from ..models import BudgetPeriod, Programme, Project, ProjectLocation
from . import warnings as project_warnings

PAGE_SIZE = 25


class _ILike(Lookup):
    """`column ILIKE pattern`. Django's `icontains` compares UPPER(column), which a trigram
    index on the column itself cannot serve; ILIKE it can."""

    lookup_name = "ilike"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]


def search_condition(text: str) -> Q:
    """Projects whose name or code holds `text` anywhere, Thai words inside sentences included
    (Thai has no spaces between words, so a substring match is what finds them)."""
    if text.lower() == text.upper():
        # Thai, digits and dashes have no case: a plain LIKE, three times quicker than ILIKE.
        return Q(name__contains=text) | Q(code__contains=text)
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
    return Q(_ILike(F("name"), pattern)) | Q(_ILike(F("code"), pattern))


NEWEST = "newest"
DEFAULT_SORT = NEWEST

# The column sorts go both ways: "-code" is "code" descending. The pk breaks ties so that pages
# never repeat or skip a project.
_COLUMN_ORDER = {
    "code": ("code",),
    "name": ("sort_name", "name", "code"),
    "start": ("start_date", "code"),
    "budget": ("budget", "code"),
    "periods_total": ("sort_periods_total", "code"),
    "difference": ("sort_difference", "code"),
}


def _descending(order_by: tuple) -> tuple:
    return tuple(name[1:] if name.startswith("-") else f"-{name}" for name in order_by)


SORTS: dict[str, tuple] = {NEWEST: ("-created_at", "-pk")}
for _key, _order in _COLUMN_ORDER.items():
    SORTS[_key] = (*_order, "pk")
    SORTS[f"-{_key}"] = (*_descending(_order), "-pk")

# How the sort select words each order, in the order it offers them.
SORT_LABELS = (
    (NEWEST, _("Newest first")),
    ("code", _("Project code (A–Z)")),
    ("-code", _("Project code (Z–A)")),
    ("name", _("Project name (A–Z)")),
    ("-name", _("Project name (Z–A)")),
    ("start", _("Start date, earliest first")),
    ("-start", _("Start date, latest first")),
    ("budget", _("Budget, lowest first")),
    ("-budget", _("Budget, highest first")),
    ("periods_total", _("Total of the periods, lowest first")),
    ("-periods_total", _("Total of the periods, highest first")),
    ("difference", _("Periods minus budget, lowest first")),
    ("-difference", _("Periods minus budget, highest first")),
)


@dataclass
class ProjectFilters:
    """What the list is narrowed to: every field optional; `status` counts only for staff."""

    q: str = ""
    programme: int | None = None
    organisation: str = ""
    fiscal_year: int | None = None
    province: int | None = None
    status: str = ""
    has_warnings: bool = False
    sort: str = DEFAULT_SORT

    @property
    def is_filtered(self) -> bool:
        return bool(
            self.q
            or self.programme
            or self.organisation
            or self.fiscal_year
            or self.province
            or self.status
            or self.has_warnings
        )


@dataclass
class FilterChoices:
    """The values each filter offers, taken from the projects the user may see."""

    programmes: list[tuple[int, str]] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    fiscal_years: list[int] = field(default_factory=list)
    provinces: list[tuple[int, str]] = field(default_factory=list)


def visible_projects(user) -> QuerySet[Project]:
    """The projects `user` may see (visitors and members: published; mentors: also their own
    drafts; staff and admins: all)."""
    return Project.objects.visible_to(user)


def fiscal_years_spanned(start: dt.date | None, end: dt.date | None) -> list[int]:
    """The fiscal years (BE) from the one holding `start` to the one holding `end`, newest first."""
    if start is None or end is None:
        return []
    return list(range(fiscal_year(end), fiscal_year(start) - 1, -1))


# The filters' choices are the same for every reader of one kind (visitors and members, staff,
# one mentor). They are kept under the "programmes" data-version counter, which the database
# bumps on every write to projects, locations and programmes, so they are never stale in any
# process; reading the counter is one small query instead of four.
def _reader_kind(user) -> str:
    if roles.is_staff_member(user):
        return "staff"
    if roles.has_role(user, roles.MENTOR):
        return f"mentor-{user.pk}"
    return "public"


def filter_choices(user) -> FilterChoices:
    """The filters' choices: read afresh (four queries) only after the data changed."""
    key = f"project-list:choices:{data_version((DATA_AREA,))}:{_reader_kind(user)}"
    choices = cache.get(key)
    if choices is None:
        choices = read_filter_choices(user)
        cache.set(key, choices, 24 * 3600)
    return choices


def read_filter_choices(user) -> FilterChoices:
    """The filters' choices from the database, in four queries."""
    visible = visible_projects(user).order_by()
    programmes = list(
        Programme.objects.filter(Exists(visible.filter(programme=OuterRef("pk"))))
        .order_by("name")
        .values_list("pk", "name")
    )
    organisations = list(
        visible.exclude(organisation="")
        .order_by("organisation")
        .values_list("organisation", flat=True)
        .distinct()
    )
    span = visible.aggregate(first=Min("start_date"), last=Max("end_date"))
    provinces = list(
        Province.objects.filter(
            Exists(ProjectLocation.objects.filter(province=OuterRef("pk"), project__in=visible))
        ).values_list("pk", "name_th")
    )
    return FilterChoices(
        programmes=programmes,
        organisations=organisations,
        fiscal_years=fiscal_years_spanned(span["first"], span["last"]),
        provinces=provinces,
    )


def filter_projects(queryset: QuerySet[Project], filters: ProjectFilters, *, user) -> QuerySet[Project]:
    """`queryset` narrowed by `filters`: plain WHERE clauses (subqueries, no joins that could
    repeat a project), so COUNT stays cheap; only "has warnings" needs the warnings' SQL."""
    if filters.q:
        queryset = queryset.filter(search_condition(filters.q))
    if filters.programme:
        queryset = queryset.filter(programme_id=filters.programme)
    if filters.organisation:
        queryset = queryset.filter(organisation=filters.organisation)
    if filters.fiscal_year:
        # A project belongs to every fiscal year its dates touch.
        fy_start, fy_end = fiscal_year_bounds(filters.fiscal_year)
        queryset = queryset.filter(start_date__lte=fy_end, end_date__gte=fy_start)
    if filters.province:
        queryset = queryset.filter(
            Exists(ProjectLocation.objects.filter(project=OuterRef("pk"), province_id=filters.province))
        )
    if filters.status and roles.is_staff_member(user):
        queryset = queryset.filter(status=filters.status)
    if filters.has_warnings:
        queryset = project_warnings.with_open_warnings(queryset)
    return queryset


def sort_projects(queryset: QuerySet[Project], sort_key: str) -> QuerySet[Project]:
    """`queryset` in the order `sort_key` names (an unknown key: newest first)."""
    order_by = SORTS.get(sort_key) or SORTS[DEFAULT_SORT]
    names = {name.lstrip("-") for name in order_by}
    if "sort_name" in names:
        queryset = queryset.alias(sort_name=thai_sort_expression("name"))
    if "sort_periods_total" in names or "sort_difference" in names:
        queryset = queryset.alias(sort_periods_total=project_warnings.periods_total())
    if "sort_difference" in names:
        queryset = queryset.alias(
            sort_difference=ExpressionWrapper(
                F("sort_periods_total") - F("budget"), output_field=project_warnings.MONEY
            )
        )
    return queryset.order_by(*order_by)


def project_list(user, filters: ProjectFilters) -> QuerySet[Project]:
    """The projects `user` may see, filtered and sorted: the list page and the exports both
    read this, so an export holds exactly what the list shows."""
    queryset = filter_projects(visible_projects(user), filters, user=user)
    return sort_projects(queryset, filters.sort)


# What a row shows of a project (its long texts stay in the database).
ROW_FIELDS = ("code", "name", "programme", "organisation", "start_date", "end_date", "budget", "status")


def project_rows(ids: list[int]) -> list[Project]:
    """The rows of one page, in the order of `ids`, with their programme, `periods_total`,
    `warning_count` and `open_warning_count`, the counts asked of the warnings selector (its
    set-based rules, as the review page counts them): two queries."""
    if not ids:
        return []
    rows = Project.objects.filter(pk__in=ids).select_related("programme").only(*ROW_FIELDS, "programme__name")
    counts = project_warnings.warning_counts(ids)
    by_id = {}
    for row in rows.order_by():
        row_counts = counts[row.pk]
        row.periods_total = row_counts.periods_total
        row.warning_count = row_counts.warning_count
        row.open_warning_count = row_counts.open_warning_count
        by_id[row.pk] = row
    return [by_id[pk] for pk in ids if pk in by_id]


# --- Exports -------------------------------------------------------------------------------


# What the exports write of a project (its long texts stay in the database).
EXPORTED_FIELDS = (
    "code",
    "name",
    "programme",
    "organisation",
    "approved_on",
    "start_date",
    "end_date",
    "funding_source",
    "budget",
    "responsible_organisation",
    "lead_name",
    "area",
    "status",
    "created_at",
)


# What the exports write of a period.
EXPORTED_PERIOD_FIELDS = (
    "project_id",
    "number",
    "start_date",
    "end_date",
    "report_start",
    "report_end",
    "amount",
)


@dataclass
class ExportData:
    """Everything an export writes, read in four queries whatever the number of projects."""

    projects: list[Project]
    # Per project, its periods as rows of EXPORTED_PERIOD_FIELDS (named tuples: 30,000 periods
    # read as model instances took longer than writing them).
    periods: dict[int, list[tuple]]
    provinces: dict[int, list[str]]


def export_data(user, filters: ProjectFilters) -> ExportData:
    """The filtered, sorted list (all pages) with the periods and provinces of each project.

    The periods and locations are read with the list as a subquery (`project__in=<queryset>`),
    not as a list of ids, so the SQL stays the same size at any number of projects.
    """
    queryset = project_list(user, filters)
    projects = list(
        queryset.select_related("programme")
        .only(*EXPORTED_FIELDS, "programme__name")
        .annotate(export_periods_total=project_warnings.periods_total())
    )
    selected = queryset.order_by().values("pk")
    periods: dict[int, list[tuple]] = defaultdict(list)
    rows = (
        BudgetPeriod.objects.filter(project__in=selected)
        .order_by("project_id", "number")
        .values_list(*EXPORTED_PERIOD_FIELDS, named=True)
    )
    for period in rows:
        periods[period.project_id].append(period)
    provinces: dict[int, list[str]] = defaultdict(list)
    locations = (
        ProjectLocation.objects.filter(project__in=selected)
        .order_by("project_id", "province__sort_name", "province_id")
        .values_list("project_id", "province__name_th")
        .distinct()
    )
    for project_id, province in locations:
        provinces[project_id].append(province)
    return ExportData(projects=projects, periods=periods, provinces=provinces)
