from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ProgrammeQuerySet(models.QuerySet):
    def home(self):
        return self.filter(on_home_page=True)


class Programme(models.Model):
    """A programme (แผนงาน): the home page shows the one marked for it."""

    name = models.CharField(_("programme name"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    objective = models.TextField(_("objective"), blank=True)
    goal_quantitative = models.TextField(_("quantitative goal"), blank=True)
    goal_qualitative = models.TextField(_("qualitative goal"), blank=True)
    process_text = models.TextField(
        _("community health system development process"),
        blank=True,
        help_text=_(
            "Shown on the community health system development process page. Blank lines separate paragraphs."
        ),
    )
    framework_summary = models.TextField(
        _("summary of the frameworks"),
        blank=True,
        help_text=_("Shown on the summary of the frameworks page. Blank lines separate paragraphs."),
    )
    on_home_page = models.BooleanField(_("show on the home page"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-on_home_page", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["on_home_page"],
                condition=Q(on_home_page=True),
                name="programme_single_home_page",
            ),
        ]

    def __str__(self):
        return self.name


class Indicator(models.Model):
    """A programme indicator (ตัวชี้วัด) with its target, e.g. "78 แห่ง"; progress comes from its
    dated measurements."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("programme")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("indicator"))
    target_text = models.CharField(
        _("target as worded"),
        max_length=300,
        blank=True,
        help_text=_("As the programme words it, for example: not less than 10 percent of all sub-districts"),
    )
    target_value = models.DecimalField(
        _("target value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=50, blank=True, help_text=_("For example: sites, percent"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
                name="indicator_target_not_negative",
            ),
        ]

    def __str__(self):
        return self.description[:80]


class IndicatorMeasurement(models.Model):
    """A dated value of an indicator, so progress toward its target can be seen over time."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("indicator")
    )
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["indicator", "measured_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "measured_on"], name="measurement_one_per_day"),
            models.CheckConstraint(condition=Q(value__gte=0), name="measurement_not_negative"),
        ]

    def __str__(self):
        return f"{self.indicator_id} {self.measured_on}: {self.value}"


class Approach(models.Model):
    """One line of the programme's approaches (แนวทางการดำเนินงาน)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="approaches", verbose_name=_("programme")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("approach"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("approach")
        verbose_name_plural = _("approaches")
        ordering = ["programme", "position", "id"]

    def __str__(self):
        return self.text[:80]


class Outcome(models.Model):
    """An outcome (ผลลัพธ์) in the programme's numbered tree: path [2, 3] is shown as "2.3".

    PostgreSQL orders integer arrays element by element, so ordering by path gives
    1, 1.1, 1.2, 2, … 2.10 in the right order without any Python sorting.
    """

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("programme")
    )
    path = ArrayField(models.PositiveSmallIntegerField(), verbose_name=_("number"), size=4)
    text = models.TextField(_("outcome"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["programme", "path"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "path"], name="outcome_unique_number"),
            models.CheckConstraint(
                condition=Q(path__len__gte=1) & Q(path__0__gte=1),
                name="outcome_number_not_empty",
            ),
        ]

    def __str__(self):
        return f"{self.number} {self.text[:60]}"

    @property
    def number(self) -> str:
        return ".".join(str(part) for part in self.path)

    @property
    def depth(self) -> int:
        return len(self.path) - 1


class Framework(models.Model):
    """กรอบที่ N of the programme's operational guidelines, with its activity plan."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="frameworks", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(_("framework number"))
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("content"), blank=True, help_text=_("Blank lines separate paragraphs."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="framework_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="framework_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Activity(models.Model):
    """One activity in a framework's activity plan (แผนการดำเนินกิจกรรม)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="activities", verbose_name=_("framework")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("activity"), max_length=500)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    responsible = models.CharField(_("responsible person"), max_length=200, blank=True)
    budget = models.DecimalField(_("budget (baht)"), max_digits=14, decimal_places=2, default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["framework", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="activity_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="activity_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title[:80]
