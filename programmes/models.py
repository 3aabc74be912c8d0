from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
    on_home_page = models.BooleanField(_("show on the home page"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

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
    """A programme indicator (ตัวชี้วัด), shown in the order staff give."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("programme")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    description = models.TextField(_("indicator"))

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "position", "id"]

    def __str__(self):
        return self.description[:80]


class Approach(models.Model):
    """One line of the programme's approaches (แนวทางการดำเนินงาน)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="approaches", verbose_name=_("programme")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("approach"))

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
