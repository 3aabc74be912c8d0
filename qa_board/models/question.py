"""Questions (กระทู้), their answers and topics.

What must hold is held by the database: a question has an asker (an account or a display
name), at most one accepted answer, and its status and moderation state are one of their
choices. Counters (views, answers) are written by single UPDATE statements in services/."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .querysets import AnswerQuerySet, QuestionQuerySet
from .search import ThaiFold


class Moderation(models.TextChoices):
    """Where a post stands with the moderators; only PUBLISHED posts reach the public."""

    PUBLISHED = "published", _("published")
    HELD = "held", _("held for review")
    HIDDEN = "hidden", _("hidden")
    SPAM = "spam", _("spam")


class Topic(models.Model):
    """A subject a question may be filed under (กองทุนสุขภาพตำบล, อสม., …); admins edit the list."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name for links"), max_length=50, unique=True, allow_unicode=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("awaiting answer")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")


class Question(models.Model):
    Status = QuestionStatus

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("question"), max_length=10000)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("topic"),
    )
    # The reference tambon (sites.Subdistrict), not a programme site: anyone may ask about any
    # sub-district.
    subdistrict = models.ForeignKey(
        "sites.Subdistrict",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("sub-district"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="qa_questions",
        verbose_name=_("asked by"),
    )
    display_name = models.CharField(_("display name"), max_length=100, blank=True)
    # Only staff ever see it: the reply notice goes there.
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=QuestionStatus, default=QuestionStatus.OPEN)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation, default=Moderation.PUBLISHED
    )
    # Why the spam rules held it (codes of services/spam.py), for the moderators.
    hold_reasons = models.JSONField(_("why held"), default=list, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0)
    answer_count = models.PositiveIntegerField(_("answers"), default=0)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False, default="")
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True, db_index=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_question", _("Can moderate the Q&A board"))]
        indexes = [
            models.Index(fields=["moderation", "-created_at"], name="qa_question_public_newest"),
            models.Index(fields=["moderation", "status", "-created_at"], name="qa_question_public_status"),
            models.Index(fields=["moderation", "-answered_at"], name="qa_question_public_answered"),
            # The list's search finds any part of a word (LIKE '%…%') through trigrams of the
            # folded title and body (models/search.py: why folded). Built where pg_trgm exists.
            # No pending list (fastupdate): a question is written once and searched often, and
            # the planner would count a long pending list against the index.
            GinIndex(
                OpClass(ThaiFold("title"), name="gin_trgm_ops"),
                name="qa_question_title_trgm",
                fastupdate=False,
            ),
            GinIndex(
                OpClass(ThaiFold("body"), name="gin_trgm_ops"), name="qa_question_body_trgm", fastupdate=False
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(author__isnull=False) | ~Q(display_name=""),
                name="qa_question_has_asker",
            ),
            models.CheckConstraint(
                condition=Q(status__in=QuestionStatus.values), name="qa_question_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(moderation__in=Moderation.values), name="qa_question_moderation_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("qa_board:question-detail", kwargs={"pk": self.pk})

    @property
    def asker_name(self) -> str:
        if self.author_id:
            return self.author.get_full_name() or self.author.get_username()
        return self.display_name

    @property
    def reply_address(self) -> str:
        """Where the "answered" notice goes: the address left with the question, else the account's."""
        if self.email:
            return self.email
        return self.author.email if self.author_id else ""

    @property
    def is_published(self) -> bool:
        return self.moderation == Moderation.PUBLISHED


class Answer(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="qa_answers",
        verbose_name=_("answered by"),
    )
    body = models.TextField(_("answer"), max_length=10000)
    # Set from the writer's role when posted: a mentor's or staff member's answer.
    is_official = models.BooleanField(_("answer from the programme staff"), default=False)
    is_accepted = models.BooleanField(_("accepted answer"), default=False)
    moderation = models.CharField(
        _("moderation"), max_length=10, choices=Moderation, default=Moderation.PUBLISHED
    )
    hold_reasons = models.JSONField(_("why held"), default=list, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, editable=False, default="")
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "moderation", "created_at"], name="qa_answer_thread")]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=Q(is_accepted=True), name="qa_one_accepted_answer"
            ),
            models.CheckConstraint(
                condition=Q(is_accepted=False) | Q(moderation="published"),
                name="qa_accepted_answer_published",
            ),
            models.CheckConstraint(
                condition=Q(moderation__in=Moderation.values), name="qa_answer_moderation_valid"
            ),
        ]

    def __str__(self):
        return f"{self.question.title} #{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.moderation == Moderation.PUBLISHED
