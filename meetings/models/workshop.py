from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganisationType(models.TextChoices):
    """Who took part, as the attendance register counts them."""

    LOCAL_ADMINISTRATION = "lao", _("local administration (LAO)")
    HEALTH_PROMOTING_HOSPITAL = "pcu", _("sub-district health promoting hospital / PCU")
    HOSPITAL = "hospital", _("hospital")
    COMMUNITY_ORGANISATION = "community", _("community organisation")
    HEALTH_VOLUNTEERS = "volunteers", _("village health volunteers")
    OTHER = "other", _("others")


class WorkshopQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Workshop.Status.PUBLISHED)


class Workshop(models.Model):
    """ประชุมกับพื้นที่ — ปฏิบัติการที่ N: numbered per site by `workshop_create`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    site = models.ForeignKey(
        "sites.Site", on_delete=models.CASCADE, related_name="workshops", verbose_name=_("site")
    )
    number = models.PositiveSmallIntegerField(_("workshop number"), editable=False)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    mentors_present = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("mentors present")
    )
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    next_date = models.DateField(_("next workshop date"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logged by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["site", "number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="workshop_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="workshop_number_positive"),
            models.CheckConstraint(
                condition=Q(next_date__isnull=True) | Q(next_date__gte=F("date")),
                name="workshop_next_date_after_date",
            ),
        ]
        indexes = [models.Index(fields=["site", "-date"], name="workshop_site_date")]

    def __str__(self):
        return f"{self.site} {self.number}"


class Attendance(models.Model):
    """How many people of one organisation type took part; the total is always summed, never typed."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="attendance")
    organisation_type = models.CharField(_("organisation type"), max_length=20, choices=OrganisationType)
    count = models.PositiveSmallIntegerField(_("number of people"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "organisation_type"], name="attendance_one_row_per_type"
            ),
            models.CheckConstraint(condition=Q(count__gte=1), name="attendance_count_positive"),
        ]

    def __str__(self):
        return f"{self.get_organisation_type_display()} {self.count}"


class Participant(models.Model):
    """A named participant (optional). Personal data (PDPA): shown only to staff and the site's mentors."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation_type = models.CharField(_("organisation type"), max_length=20, choices=OrganisationType)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["pk"]

    def __str__(self):
        return self.name
