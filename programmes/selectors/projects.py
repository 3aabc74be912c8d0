"""Reads for the project pages, with their queries decided here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import F, Prefetch
from django.db.models.expressions import Window
from django.db.models.functions import Lag
from django.shortcuts import get_object_or_404

from ..models import (
    BudgetPeriod,
    ProblemSituation,
    Project,
    ProjectLocation,
    ProjectObjective,
    TargetGroup,
)

# Thailand's bounding box, for the small locator drawn next to the coordinates.
THAILAND_LAT = (Decimal("5.6"), Decimal("20.5"))
THAILAND_LON = (Decimal("97.3"), Decimal("105.7"))


def project_for_page(*, code: str, user) -> Project:
    """The project the user may see, with every list its page shows (6 queries), or 404."""
    queryset = (
        Project.objects.visible_to(user)
        .select_related("programme", "mentor")
        .prefetch_related(
            Prefetch(
                "locations",
                queryset=ProjectLocation.objects.select_related(
                    "province", "district", "subdistrict"
                ).order_by("id"),
            ),
            Prefetch("periods", queryset=BudgetPeriod.objects.order_by("number")),
            Prefetch("problems", queryset=ProblemSituation.objects.order_by("position", "id")),
            Prefetch("objectives", queryset=ProjectObjective.objects.order_by("position", "id")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("id")),
        )
    )
    return get_object_or_404(queryset, code=code)


@dataclass(frozen=True)
class Locator:
    """Where the project's pin sits in the locator box, in percent of its width and height."""

    latitude: Decimal
    longitude: Decimal
    x: float | None
    y: float | None

    @property
    def inside_thailand(self) -> bool:
        return self.x is not None


def project_locator(project: Project) -> Locator | None:
    if project.latitude is None or project.longitude is None:
        return None
    lat, lon = project.latitude, project.longitude
    if THAILAND_LAT[0] <= lat <= THAILAND_LAT[1] and THAILAND_LON[0] <= lon <= THAILAND_LON[1]:
        # The SVG's viewBox is 84 x 149: 0.1 degree a unit, north at the top.
        x = float((lon - THAILAND_LON[0]) * 10)
        y = float((THAILAND_LAT[1] - lat) * 10)
        return Locator(lat, lon, round(x, 1), round(y, 1))
    return Locator(lat, lon, None, None)


@dataclass
class HistoryEntry:
    """One line of a project's edit history: who did what to which part, and which fields."""

    when: dt.datetime
    who: str
    action: str  # "+" created, "~" changed, "-" deleted (simple_history's history_type)
    subject: str
    fields: list = field(default_factory=list)


# What each part of a project is called in its history, and the fields not worth listing.
_SKIPPED = {"id", "project", "version", "created_at", "updated_at"}


def _subject(model, record) -> str:
    name = str(model._meta.verbose_name)
    if model is Project:
        return name
    if model is BudgetPeriod:
        return f"{name} {record.number}"
    if model is TargetGroup:
        return f"{name}: {record.name}"
    if model in (ProblemSituation, ProjectObjective):
        text = record.description if model is ProblemSituation else record.objective
        return f"{name} {record.position}: {text[:40]}{'…' if len(text) > 40 else ''}"
    return f"{name}: {_location_name(record)}"


def _location_name(record) -> str:
    return " ".join(
        part.name_th for part in (record.subdistrict, record.district, record.province) if part is not None
    )


def project_history(project: Project, *, limit: int = 20) -> list[HistoryEntry]:
    """The last `limit` edits of the project and its lists, newest first (6 queries, however long
    the history): each history table is read once, with each row's previous values beside it
    (a window function), so what changed is found without a query per row."""
    entries: list[HistoryEntry] = []
    for model in (Project, ProjectLocation, BudgetPeriod, ProblemSituation, ProjectObjective, TargetGroup):
        history_model = model.history.model
        tracked = [f for f in history_model.tracked_fields if f.name not in _SKIPPED]
        order = [F("history_date").asc(), F("history_id").asc()]
        previous = {
            f"prev__{f.attname}": Window(Lag(f.attname), partition_by=[F("id")], order_by=order)
            for f in tracked
        }
        queryset = history_model.objects.select_related("history_user")
        if model is Project:
            queryset = queryset.filter(id=project.pk)
        else:
            queryset = queryset.filter(project_id=project.pk)
        if model is ProjectLocation:
            queryset = queryset.select_related("province", "district", "subdistrict")
        for record in queryset.annotate(**previous).order_by("-history_date", "-history_id")[:limit]:
            changed = []
            if record.history_type == "~":
                changed = [
                    f.verbose_name
                    for f in tracked
                    if getattr(record, f"prev__{f.attname}") != getattr(record, f.attname)
                ]
                if not changed:
                    continue  # saved without a change: not worth a line
            user = record.history_user
            who = (user.get_full_name() or user.get_username()) if user is not None else ""
            entries.append(
                HistoryEntry(
                    when=record.history_date,
                    who=who,
                    action=record.history_type,
                    subject=_subject(model, record),
                    fields=changed,
                )
            )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]
