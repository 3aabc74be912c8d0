"""Writes for workshops: one with its attendance register and participants, numbered per site."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from sites.services.numbering import next_number_for_site

from ..models import Attendance, Workshop, WorkshopAttachment


@transaction.atomic
def workshop_save(
    *,
    workshop: Workshop,
    mentors_present: Iterable,
    counts: dict[str, int],
    participants=None,
    new_attachments: Iterable = (),
    remove_attachments: Iterable = (),
) -> Workshop:
    """Save `workshop` (a new one takes the site's next ปฏิบัติการที่ N), its mentors present, its
    attendance (one row per organisation type with people), given a bound valid formset its
    participants, and its attachments (added, removed). All or nothing."""
    if workshop.pk is None:
        workshop.number = next_number_for_site(
            site=workshop.site, queryset=Workshop.objects.filter(site=workshop.site)
        )
    workshop.save()
    workshop.mentors_present.set(mentors_present)
    workshop.attendance.exclude(organisation_type__in=list(counts)).delete()
    existing = {row.organisation_type: row for row in workshop.attendance.all()}
    for organisation_type, count in counts.items():
        row = existing.get(organisation_type) or Attendance(
            workshop=workshop, organisation_type=organisation_type
        )
        if row.count != count:
            row.count = count
            row.save()
    if participants is not None:
        participants.instance = workshop
        participants.save()
    for attachment in remove_attachments:
        attachment_delete(attachment=attachment)
    for upload in new_attachments:
        # The file name comes from attachment_path; the stored type from the content check.
        WorkshopAttachment.objects.create(
            workshop=workshop,
            file=upload,
            original_name=upload.name[:200],
            kind=upload.detected_kind,
            size=upload.size,
        )
    return workshop


def attachment_delete(*, attachment: WorkshopAttachment) -> None:
    """Delete the row, and the file once the transaction has committed (a rollback keeps both)."""
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def workshop_delete(*, workshop: Workshop) -> None:
    for attachment in workshop.attachments.all():
        attachment_delete(attachment=attachment)
    workshop.delete()
