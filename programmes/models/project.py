from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .programme import Programme


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Project.Status.PUBLISHED)

    def visible_to(self, user):
        """Who sees what: everyone sees published projects; mentors also their own drafts;
        programme staff and admins see everything."""
        from chsd_portal import roles

        if roles.is_staff_member(user):
            return self.all()
        if roles.has_role(user, roles.MENTOR):
            return self.filter(Q(status=Project.Status.PUBLISHED) | Q(mentor=user))
        return self.published()


class Project(models.Model):
    """A project (โครงการ) with every field of the project-tracking page users know (seed 001)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="projects", verbose_name=_("under plan")
    )
    name = models.CharField(_("project name"), max_length=500)
    organisation = models.CharField(_("under organisation"), max_length=300, blank=True)
    code = models.CharField(
        _("project code"), max_length=50, unique=True, help_text=_("Unique, for example 60-KH-087")
    )
    approved_on = models.DateField(_("approval date"), null=True, blank=True)
    start_date = models.DateField(_("project start"))
    end_date = models.DateField(_("project end"))
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True)
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2)
    responsible_organisation = models.CharField(_("responsible organisation"), max_length=300, blank=True)
    lead_name = models.CharField(_("project lead"), max_length=200, blank=True)
    lead_phone = models.CharField(_("project lead's phone"), max_length=50, blank=True)
    lead_email = models.EmailField(_("project lead's e-mail"), blank=True)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_projects",
        verbose_name=_("project mentor"),
    )
    area = models.CharField(_("operating area"), max_length=300, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    rationale = models.TextField(
        _("importance of the project, situation, principles and reasons"), blank=True
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("entered the system"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Bumped on every save through the portal; a save carrying an older number is refused,
    # so two people editing at once never overwrite each other silently.
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at", "code"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="project_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="project_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="project_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="project_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="project_coordinates_both_or_neither",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "programme"]),
            models.Index(fields=["start_date"]),
            # Search finds words inside Thai sentences with LIKE / ILIKE '%…%' on these columns;
            # a trigram index serves both. Its migration builds it only where the pg_trgm
            # extension is installed.
            GinIndex(
                fields=["name", "code"],
                opclasses=["gin_trgm_ops", "gin_trgm_ops"],
                name="project_search_trgm",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class ProjectLocation(models.Model):
    """Where a project works: province, district, sub-district picked from the reference data."""

    class AreaType(models.TextChoices):
        URBAN = "urban", _("urban")
        SEMI_URBAN = "semi_urban", _("semi-urban")
        RURAL = "rural", _("rural")
        COASTAL = "coastal", _("coastal")
        HIGHLAND = "highland", _("highland")
        OTHER = "other", _("other")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="locations", verbose_name=_("project")
    )
    province = models.ForeignKey(
        "sites.Province", on_delete=models.PROTECT, related_name="+", verbose_name=_("province")
    )
    district = models.ForeignKey(
        "sites.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    subdistrict = models.ForeignKey(
        "sites.Subdistrict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sub-district"),
    )
    area_type = models.CharField(_("area type"), max_length=20, choices=AreaType.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project location")
        verbose_name_plural = _("project locations")
        ordering = ["project", "id"]

    def __str__(self):
        return " ".join(str(part) for part in (self.subdistrict, self.district, self.province) if part)


class BudgetPeriod(models.Model):
    """A budget instalment (งวด) with its project dates, its report window and its amount."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="periods", verbose_name=_("project")
    )
    number = models.PositiveSmallIntegerField(_("period"))
    start_date = models.DateField(_("period from"))
    end_date = models.DateField(_("period to"))
    report_start = models.DateField(_("report from"), null=True, blank=True)
    report_end = models.DateField(_("report to"), null=True, blank=True)
    amount = models.DecimalField(_("budget (baht)"), max_digits=14, decimal_places=2, default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget period")
        verbose_name_plural = _("budget periods")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="period_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="period_number_positive"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="period_amount_not_negative"),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="period_end_after_start"),
            models.CheckConstraint(
                condition=Q(report_start__isnull=True)
                | Q(report_end__isnull=True)
                | Q(report_end__gte=F("report_start")),
                name="period_report_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.project_id} งวด {self.number}"


class ProblemSituation(models.Model):
    """สถานการณ์ปัญหา with its size (ขนาด)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="problems", verbose_name=_("project")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("problem situation"))
    size = models.CharField(_("size"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("problem situation")
        verbose_name_plural = _("problem situations")
        ordering = ["project", "position", "id"]

    def __str__(self):
        return self.description[:80]


class ProjectObjective(models.Model):
    """วัตถุประสงค์/ตัวชี้วัดความสำเร็จ, with the problem size and the one-year target."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("project")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    objective = models.TextField(_("objective"))
    indicators = models.TextField(_("success indicators"), blank=True)
    problem_size = models.CharField(_("problem size"), max_length=200, blank=True)
    target_one_year = models.CharField(_("1-year target"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project objective")
        verbose_name_plural = _("project objectives")
        ordering = ["project", "position", "id"]

    def __str__(self):
        return self.objective[:80]


class TargetGroup(models.Model):
    """กลุ่มเป้าหมาย with the planned and the actual head counts."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="target_groups", verbose_name=_("project")
    )
    name = models.CharField(_("target group"), max_length=300)
    planned = models.PositiveIntegerField(_("planned (people)"), default=0)
    actual = models.PositiveIntegerField(_("taking part (people)"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["project", "id"]

    def __str__(self):
        return self.name


class WarningReview(models.Model):
    """An admin's note that a data-quality warning was looked at. It holds the fingerprint of the
    numbers behind the warning at review time: when those change, the review no longer matches
    and the warning shows again by itself."""

    class Kind(models.TextChoices):
        BUDGET_MISMATCH = "budget_mismatch", _("sum of periods differs from the project budget")
        PERIOD_OUTSIDE = "period_outside", _("period outside the project's dates")
        PERIODS_OVERLAP = "periods_overlap", _("overlapping periods")
        REPORT_BEFORE_PERIOD = "report_before_period", _("report window ends before its period starts")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="warning_reviews", verbose_name=_("project")
    )
    kind = models.CharField(_("warning"), max_length=30, choices=Kind.choices)
    fingerprint = models.CharField(max_length=64)
    note = models.TextField(_("note"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("reviewed by")
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), auto_now=True)

    class Meta:
        verbose_name = _("warning review")
        verbose_name_plural = _("warning reviews")
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="warning_review_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.project_id} {self.kind}"
