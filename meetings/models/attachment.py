import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .workshop import Workshop


def attachment_path(instance, filename: str) -> str:
    """A random name under the workshop: the stored name never comes from the uploader."""
    return f"workshops/{instance.workshop_id}/{uuid.uuid4().hex}.{instance.kind}"


class WorkshopAttachment(models.Model):
    """A PDF, DOCX or XLSX file of a workshop, its type checked from its content (meetings.files)."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        XLSX = "xlsx", "XLSX"

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("file type"), max_length=4, choices=Kind.choices)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["pdf", "docx", "xlsx"]), name="attachment_kind_known"
            ),
        ]

    def __str__(self):
        return self.original_name
