from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Thailand's extent, with a margin (the same bounds the centroids are checked against).
LATITUDE_RANGE = (5, 21)
LONGITUDE_RANGE = (97, 106)


class SiteQuerySet(models.QuerySet):
    def with_place(self):
        """The tambon, its district and province: what every list and page names a site by."""
        return self.select_related("subdistrict__district__province")

    def mentored_by(self, user):
        return self.filter(mentors=user)


class Site(models.Model):
    """พื้นที่ดำเนินการ: one target tambon, picked from the reference data, with its mentors."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("preparing")
        ACTIVE = "active", _("in progress")
        COMPLETED = "completed", _("completed")

    subdistrict = models.OneToOneField(
        "sites.Subdistrict", on_delete=models.PROTECT, related_name="site", verbose_name=_("sub-district")
    )
    story = models.TextField(_("story of the area"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="mentored_sites", verbose_name=_("mentors")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = SiteQuerySet.as_manager()

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["subdistrict__sort_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=LATITUDE_RANGE[0],
                    latitude__lte=LATITUDE_RANGE[1],
                    longitude__gte=LONGITUDE_RANGE[0],
                    longitude__lte=LONGITUDE_RANGE[1],
                ),
                name="site_coordinates_in_thailand",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "active", "completed"]), name="site_status_known"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.subdistrict.name_th

    @property
    def code(self) -> str:
        return self.subdistrict.code
