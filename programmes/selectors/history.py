"""Reads for the staff page of recent deletions (ประวัติการแก้ไข / รายการที่ถูกลบ): one query per
kind of content, whatever the number of deletions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from chsd_portal.thai import format_date

from ..services.history import RESTORABLE, as_it_was

# The page lists this many of the latest deletions that are still deleted.
RECENT_DELETIONS = 100


def label_of(record) -> str:
    """The deleted row's own text, as its pages show it."""
    if record.instance_type._meta.model_name == "indicatormeasurement":
        return f"{format_date(record.measured_on)}: {record.value:,}"
    return str(as_it_was(record))


@dataclass
class Deletion:
    kind: str
    record: object  # the django-simple-history record of the deletion
    parent: object | None  # the parent as it is now; None when it is deleted too (or there is none)
    has_parent: bool

    @property
    def verbose_name(self) -> str:
        return self.record.instance_type._meta.verbose_name

    @property
    def label(self) -> str:
        return label_of(self.record)

    @property
    def parent_deleted(self) -> bool:
        return self.has_parent and self.parent is None


def _still_deleted(model):
    """Deletion records that are the last record of their row (not restored since) and whose
    row does not exist now."""
    history = model.history.model
    later = history.objects.filter(id=OuterRef("id"), history_date__gt=OuterRef("history_date"))
    return (
        history.objects.filter(history_type="-")
        .exclude(Exists(later))
        .exclude(Exists(model.objects.filter(pk=OuterRef("id"))))
    )


def recent_deletions(limit: int = RECENT_DELETIONS) -> list[Deletion]:
    """The latest deletions of every kind, newest first, each with who did it and its parent."""
    rows: list[Deletion] = []
    for kind, (model, fk) in RESTORABLE.items():
        related = ["history_user"] + ([fk] if fk else [])
        records = (
            _still_deleted(model).select_related(*related).order_by("-history_date", "-history_id")[:limit]
        )
        for record in records:
            parent = getattr(record, fk) if fk else None
            rows.append(Deletion(kind=kind, record=record, parent=parent, has_parent=fk is not None))
    rows.sort(key=lambda row: (row.record.history_date, row.record.history_id), reverse=True)
    return rows[:limit]
