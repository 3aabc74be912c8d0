"""Restoring what staff deleted from the programme's content, from its django-simple-history
records (programme, indicators and their measurements, approaches, outcomes, frameworks and
their activities; projects keep their own history on the project page).

A restore puts the row back with its old id and values, through the model's save(), so the
restore is itself a history record of who did it and when. A row whose parent is gone too
cannot come back alone: `ParentDeleted` names the parent, and `with_parents=True` restores the
missing parents first, all in one transaction. Restoring a parent also brings back the children
that went with it (deleted in the same moment, as a cascade does)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Activity, Approach, Framework, Indicator, IndicatorMeasurement, Outcome, Programme

# Every kind the deletions page lists, by the key its URLs use, and the foreign key to its
# parent (None for the programme itself).
RESTORABLE = {
    "programme": (Programme, None),
    "indicator": (Indicator, "programme"),
    "measurement": (IndicatorMeasurement, "indicator"),
    "approach": (Approach, "programme"),
    "outcome": (Outcome, "programme"),
    "framework": (Framework, "programme"),
    "activity": (Activity, "framework"),
}
# The children of each kind, for restoring them together with their parent.
CHILDREN = {
    parent_model: [
        (key, model, fk)
        for key, (model, fk) in RESTORABLE.items()
        if fk and model._meta.get_field(fk).related_model is parent_model
    ]
    for parent_model, _fk in RESTORABLE.values()
}
# A cascade records its children's deletions moments before its parent's; children deleted
# this close before their parent went with it.
CASCADE_WINDOW = timedelta(seconds=10)


def kind_of(model) -> str:
    return next(key for key, (candidate, _fk) in RESTORABLE.items() if candidate is model)


class RestoreRefused(Exception):
    """The deletion cannot be restored; `message` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AlreadyRestored(RestoreRefused):
    pass


class RestoreConflict(RestoreRefused):
    pass


@dataclass
class ParentDeleted(Exception):
    """The row's parent is deleted too; `parent` is the parent's deletion record."""

    record: object
    parent: object


def as_it_was(record):
    """The row as the history record holds it, as an unsaved model instance. (django-simple-
    history's `record.instance` also queries the live row for the fields history leaves out,
    one query per row, for a row that is gone anyway; those fields, `updated_at`, are set again
    on save.)"""
    model = record.instance_type
    return model(
        **{
            field.attname: getattr(record, field.attname)
            for field in model._meta.concrete_fields
            if hasattr(record, field.attname)
        }
    )


def deletion_record(kind: str, history_id: int):
    """The deletion record a restore button points at, or None."""
    model, _fk = RESTORABLE[kind]
    return (
        model.history.filter(history_id=history_id, history_type="-").select_related("history_user").first()
    )


def _latest_deletion(model, pk: int):
    return model.history.filter(id=pk, history_type="-").order_by("-history_date", "-history_id").first()


def _missing_parent(record):
    """The deletion record of the record's parent when that parent no longer exists."""
    model = record.instance_type
    fk = RESTORABLE[kind_of(model)][1]
    if fk is None:
        return None
    parent_model = model._meta.get_field(fk).related_model
    parent_id = getattr(record, f"{fk}_id")
    if parent_model.objects.filter(pk=parent_id).exists():
        return None
    parent = _latest_deletion(parent_model, parent_id)
    if parent is None:
        raise RestoreRefused(
            _("What this belonged to no longer exists and has no history to restore it from.")
        )
    return parent


def _put_back(record) -> object:
    """Insert the row as it was at its deletion; a unique rule taken meanwhile is a refusal."""
    instance = as_it_was(record)
    model = record.instance_type
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
            # save() stamps auto_now_add fields with now; the row was made when it was made.
            kept = {
                field.name: getattr(record, field.attname)
                for field in model._meta.concrete_fields
                if getattr(field, "auto_now_add", False) and getattr(record, field.attname, None)
            }
            if kept:
                model.objects.filter(pk=instance.pk).update(**kept)
    except IntegrityError as error:
        raise RestoreConflict(
            _(
                "%(what)s cannot be restored as it was: another one now has its number, date or place. "
                "Change or delete that one first, then restore again."
            )
            % {"what": record.instance_type._meta.verbose_name.capitalize()}
        ) from error
    return instance


def _restore_with_children(record, restored: list) -> None:
    restored.append(_put_back(record))
    model = record.instance_type
    for _key, child_model, fk in CHILDREN.get(model, []):
        went_with_it = child_model.history.filter(
            history_type="-",
            history_date__gte=record.history_date - CASCADE_WINDOW,
            history_date__lte=record.history_date,
            **{f"{fk}_id": record.id},
        ).order_by("history_date", "history_id")
        for child in went_with_it:
            if not child_model.objects.filter(pk=child.id).exists():
                _restore_with_children(child, restored)


@transaction.atomic
def deletion_restore(*, record, with_parents: bool = False) -> list:
    """Restore a deleted row (and the children deleted with it); returns the restored objects,
    the one asked for first. Raises ParentDeleted when its parent is gone and `with_parents` is
    False, RestoreRefused when it cannot be restored; nothing is written then."""
    model = record.instance_type
    if model.objects.filter(pk=record.id).exists():
        raise AlreadyRestored(_("This was already restored."))
    chain = []
    current = record
    while (parent := _missing_parent(current)) is not None:
        if not with_parents:
            raise ParentDeleted(record=record, parent=parent)
        chain.append(parent)
        current = parent
    restored: list = []
    for parent in reversed(chain):
        restored.append(_put_back(parent))
    _restore_with_children(record, restored)
    # The one asked for first, then its parents, then whatever came back with it.
    asked = restored[len(chain)]
    return [asked, *restored[: len(chain)], *restored[len(chain) + 1 :]]
