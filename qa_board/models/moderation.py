"""What moderators keep: the banned words, blocked accounts and the log of every action."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BannedWord(models.Model):
    """A word or phrase that holds a post for review wherever it appears (admins edit the list)."""

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("banned word")
        verbose_name_plural = _("banned words")
        ordering = ["word"]
        constraints = [models.CheckConstraint(condition=~Q(word=""), name="qa_banned_word_not_empty")]

    def __str__(self):
        return self.word


class BlockedPoster(models.Model):
    """An account that may no longer post on the board."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="qa_block",
        verbose_name=_("account"),
    )
    reason = models.TextField(_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("blocked by"),
    )
    created_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked account")
        verbose_name_plural = _("blocked accounts")

    def __str__(self):
        return str(self.user)


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("approved")
    HIDE = "hide", _("hidden")
    LOCK = "lock", _("locked")
    UNLOCK = "unlock", _("unlocked")
    DELETE = "delete", _("deleted")
    SPAM = "spam", _("marked as spam")
    BLOCK = "block", _("account blocked")
    UNBLOCK = "unblock", _("account unblocked")


class ModerationLog(models.Model):
    """Who did what to which post, when and why. The post may be gone (deleted): `subject`
    keeps its title or first words."""

    Action = ModerationAction

    action = models.CharField(_("action"), max_length=10, choices=ModerationAction)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    question = models.ForeignKey(
        "qa_board.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_log",
        verbose_name=_("question"),
    )
    answer = models.ForeignKey(
        "qa_board.Answer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_log",
        verbose_name=_("answer"),
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    subject = models.CharField(_("post"), max_length=200, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=ModerationAction.values), name="qa_log_action_valid"
            )
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject}"
