"""Writes for projects: a project with all its lists saved together, and the fiscal-quarter fill."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from chsd_portal.formsets import FormsetSaveRefused
from chsd_portal.thai import fiscal_quarters, format_datetime

from ..models import BudgetPeriod, Project

SATANG = Decimal("0.01")
# Periods being renumbered are moved out of the way first, so swapping 1 and 2 never trips the
# unique (project, number) constraint half-way through the save.
RENUMBER_OFFSET = 10000


@dataclass(frozen=True)
class QuarterPeriod:
    number: int
    start_date: dt.date
    end_date: dt.date
    amount: Decimal


def budget_shares(budget: Decimal, count: int) -> list[Decimal]:
    """`count` equal shares of `budget`: each rounded down to the satang, the remainder on the
    last, so they always add up to the budget exactly and none is negative."""
    budget = Decimal(budget).quantize(SATANG)
    share = (budget / count).quantize(SATANG, rounding=ROUND_DOWN)
    return [share] * (count - 1) + [budget - share * (count - 1)]


def fiscal_quarter_periods(*, be_year: int, budget: Decimal) -> list[QuarterPeriod]:
    """The four quarters of Thai fiscal year `be_year` as periods 1–4, sharing the budget equally."""
    amounts = budget_shares(budget, 4)
    return [
        QuarterPeriod(number=n, start_date=start, end_date=end, amount=amount)
        for n, ((start, end), amount) in enumerate(zip(fiscal_quarters(be_year), amounts, strict=True), 1)
    ]


def _stale_edit_message(project_id: int) -> str:
    current = Project.objects.filter(pk=project_id).values("updated_at").first()
    if current is None:
        return _("Nothing was saved: this project has been deleted by someone else.")
    last = (
        Project.history.filter(id=project_id).select_related("history_user").order_by("-history_date").first()
    )
    who = ""
    if last is not None and last.history_user is not None:
        who = last.history_user.get_full_name() or last.history_user.get_username()
    when = format_datetime(current["updated_at"])
    if who:
        return _(
            "Nothing was saved: %(who)s saved this project at %(when)s, after you opened this page. "
            "The table below shows, field by field, their version next to yours; the form keeps what "
            "you typed. Make each field say what it should, then press Save again."
        ) % {"who": who, "when": when}
    return _(
        "Nothing was saved: someone else saved this project at %(when)s, after you opened this page. "
        "The table below shows, field by field, their version next to yours; the form keeps what "
        "you typed. Make each field say what it should, then press Save again."
    ) % {"when": when}


def _save_rows(formset, *, project: Project, user) -> None:
    """Save one inline formset's rows: deletions first, then renumbered periods, then the rest."""
    formset.instance = project
    rows = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj._history_user = user
        obj.delete()
    if formset.model is BudgetPeriod:
        moved = [obj.pk for obj, changed in formset.changed_objects if "number" in changed]
        if moved:
            BudgetPeriod.objects.filter(pk__in=moved).update(number=F("number") + RENUMBER_OFFSET)
    for obj in rows:
        obj._history_user = user
        obj.save()


@transaction.atomic
def project_save(*, form, formsets: dict, expected_version: int | None, user) -> Project:
    """Save a project and its periods, objectives, problems, target groups and locations at once.

    An existing project is saved only if nobody saved it since the editor opened it: the version
    it was opened at must still be the stored one (checked and bumped in one UPDATE, which also
    locks the row until this transaction ends). Otherwise, and if the database refuses any row,
    FormsetSaveRefused is raised and nothing is stored.
    """
    project = form.instance
    if project.pk is not None:
        bumped = 0
        if expected_version is not None:
            bumped = Project.objects.filter(pk=project.pk, version=expected_version).update(
                version=F("version") + 1
            )
        if not bumped:
            stored = Project.objects.filter(pk=project.pk).values_list("version", flat=True).first()
            raise FormsetSaveRefused(
                _stale_edit_message(project.pk),
                compare=stored is not None,
                data={"version": stored} if stored is not None else None,
            )
        # form.save() writes every column: carry the new number, or it would write the old one back.
        project.version = expected_version + 1
    project._history_user = user
    try:
        with transaction.atomic():
            project = form.save()
            for formset in formsets.values():
                _save_rows(formset, project=project, user=user)
    except IntegrityError as error:
        raise FormsetSaveRefused(
            _(
                "Nothing was saved: the database refused the data. "
                "Check the project code, the period numbers, dates and amounts, then save again."
            )
        ) from error
    return project
