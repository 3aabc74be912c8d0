from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

SCORE_LEVELS = (1, 2, 3, 4, 5)


class CapacityComponent(models.Model):
    """One component of the community health system a capacity report scores (seed 000, outcome
    2.3), with the rubric's wording of each level. Admins retire a component instead of deleting
    it, so past reports keep their scores (the scores protect it)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("used in new reports"), default=True)
    level_1 = models.CharField(_("level 1 means"), max_length=300)
    level_2 = models.CharField(_("level 2 means"), max_length=300)
    level_3 = models.CharField(_("level 3 means"), max_length=300)
    level_4 = models.CharField(_("level 4 means"), max_length=300)
    level_5 = models.CharField(_("level 5 means"), max_length=300)

    class Meta:
        verbose_name = _("capacity component")
        verbose_name_plural = _("capacity components")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name

    def rubric(self) -> list[tuple[int, str]]:
        return [(level, getattr(self, f"level_{level}")) for level in SCORE_LEVELS]


class CapacityReportQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=CapacityReport.Status.SUBMITTED)


class CapacityReport(models.Model):
    """รายงานศักยภาพตำบล ครั้งที่ N: numbered per site by `capacity_report_create`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    site = models.ForeignKey(
        "sites.Site", on_delete=models.CASCADE, related_name="capacity_reports", verbose_name=_("site")
    )
    number = models.PositiveSmallIntegerField(_("round"), editable=False)
    report_date = models.DateField(_("report date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    social_capital = models.TextField(_("social capital"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    gaps = models.TextField(_("gaps"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = CapacityReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("capacity report")
        verbose_name_plural = _("capacity reports")
        ordering = ["site", "number"]
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="capacity_report_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="capacity_report_number_positive"),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="capacity_report_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.site} {self.number}"


class KeyOrganisationType(models.TextChoices):
    """The key organisations of a tambon as seed 000's indicator 1 names them
    (องค์กรปกครองส่วนท้องถิ่น-PCU/โรงพยาบาลชุมชน-องค์กรชุมชน), with the volunteers and others."""

    LOCAL_GOVERNMENT = "local_government", _("local government organisation")
    HEALTH_SERVICE = "health_service", _("PCU / community hospital")
    COMMUNITY = "community", _("community organisation")
    HEALTH_VOLUNTEERS = "volunteers", _("village health volunteers")
    OTHER = "other", _("others")


class KeyOrganisation(models.Model):
    """One key organisation a capacity report names, with its role in the tambon's health
    system; saved with the report (`capacity_report_save`)."""

    report = models.ForeignKey(CapacityReport, on_delete=models.CASCADE, related_name="organisations")
    kind = models.CharField(_("organisation type"), max_length=20, choices=KeyOrganisationType)
    name = models.CharField(_("organisation name"), max_length=200)
    role = models.TextField(_("role"), blank=True, max_length=1000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("key organisation")
        verbose_name_plural = _("key organisations and their roles")
        ordering = ["report", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="key_organisation_has_name"),
            models.CheckConstraint(
                condition=Q(kind__in=KeyOrganisationType.values), name="key_organisation_known_kind"
            ),
        ]

    def __str__(self):
        return self.name


class ComponentScore(models.Model):
    """The score (1–5) and narrative one report gives one component."""

    report = models.ForeignKey(CapacityReport, on_delete=models.CASCADE, related_name="scores")
    component = models.ForeignKey(
        CapacityComponent, on_delete=models.PROTECT, related_name="scores", verbose_name=_("component")
    )
    # Empty only while the report is a draft (the form requires every score to submit).
    score = models.PositiveSmallIntegerField(
        _("score"), choices=[(level, str(level)) for level in SCORE_LEVELS], null=True, blank=True
    )
    narrative = models.TextField(_("narrative"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("component score")
        verbose_name_plural = _("component scores")
        ordering = ["component__order", "component__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "component"], name="component_score_once_per_report"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5), name="component_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.component} {self.score}"
