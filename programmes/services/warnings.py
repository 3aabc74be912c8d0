"""Writes for the data-quality warnings: an admin marks a warning reviewed."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Project, WarningReview
from ..selectors.warnings import KINDS, current_fingerprint


class WarningReviewRefused(Exception):
    """The review was not saved; the message says why and what to do next."""


@transaction.atomic
def warning_mark_reviewed(
    *,
    project: Project,
    kind: str,
    note: str,
    user,
    expected_fingerprint: str | None = None,
) -> WarningReview:
    """Record that `user` looked at the project's warning of `kind`, with a note.

    The review holds the fingerprint of the numbers behind the warning as they are now
    (computed in SQL), so it stops counting by itself once those numbers change. One review per
    project and kind: marking again replaces the note. Refused when the warning no longer
    applies, or when `expected_fingerprint` (what the admin's page showed) is no longer current.
    """
    if kind not in KINDS:
        raise WarningReviewRefused(_("Unknown kind of warning."))
    note = (note or "").strip()
    if not note:
        raise WarningReviewRefused(_("Write a note saying what you checked, then mark the warning reviewed."))
    # Lock the project row: the project editor updates that row in its own transaction, so the
    # numbers cannot change between the fingerprint below and the review's save.
    Project.objects.select_for_update().filter(pk=project.pk).values_list("pk", flat=True).get()
    applies, fingerprint = current_fingerprint(project.pk, kind)
    if not applies:
        raise WarningReviewRefused(
            _("This warning no longer applies: the numbers behind it were corrected. Nothing to review.")
        )
    if expected_fingerprint and expected_fingerprint != fingerprint:
        raise WarningReviewRefused(
            _(
                "The numbers behind this warning changed after you opened the page. "
                "Read the warning again, then mark it reviewed."
            )
        )
    review, _created = WarningReview.objects.update_or_create(
        project=project,
        kind=kind,
        defaults={"fingerprint": fingerprint, "note": note, "reviewed_by": user},
    )
    return review
