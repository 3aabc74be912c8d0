"""The moderators' actions, each logged with who, when and why in the same transaction."""

from django.db import transaction

from chsd_portal.search import registry as search

from ..models import Answer, BlockedPoster, Moderation, ModerationLog, Question
from .notify import notify_asker
from .questions import question_refresh, question_set_closed

Action = ModerationLog.Action
QUESTION_ACTIONS = (Action.APPROVE, Action.HIDE, Action.SPAM, Action.LOCK, Action.UNLOCK, Action.DELETE)
ANSWER_ACTIONS = (Action.APPROVE, Action.HIDE, Action.SPAM, Action.DELETE)
_STATE = {Action.APPROVE: Moderation.PUBLISHED, Action.HIDE: Moderation.HIDDEN, Action.SPAM: Moderation.SPAM}


def _subject(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:199] + "…"


@transaction.atomic
def question_moderate(*, question: Question, action: str, actor, reason: str = "") -> ModerationLog:
    if action not in QUESTION_ACTIONS:
        raise ValueError(f"not a question action: {action}")
    log = ModerationLog.objects.create(
        action=action,
        actor=actor,
        question=question if action != Action.DELETE else None,
        target_user=question.author,
        subject=_subject(question.title),
        reason=reason,
    )
    if action in _STATE:
        Question.objects.filter(pk=question.pk).update(moderation=_STATE[action])
        question.moderation = _STATE[action]
        search.changed(Question, [question.pk])  # an UPDATE sends no signal
    elif action in (Action.LOCK, Action.UNLOCK):
        question_set_closed(question=question, closed=action == Action.LOCK)
    elif action == Action.DELETE:
        question.delete()
    return log


@transaction.atomic
def answer_moderate(
    *, answer: Answer, action: str, actor, reason: str = "", thread_url: str = ""
) -> ModerationLog:
    if action not in ANSWER_ACTIONS:
        raise ValueError(f"not an answer action: {action}")
    log = ModerationLog.objects.create(
        action=action,
        actor=actor,
        question_id=answer.question_id,
        answer=answer if action != Action.DELETE else None,
        target_user=answer.author,
        subject=_subject(answer.body),
        reason=reason,
    )
    was_published = answer.is_published
    if action in _STATE:
        # A hidden answer cannot stay the accepted one (the database insists).
        accepted = answer.is_accepted and action == Action.APPROVE
        Answer.objects.filter(pk=answer.pk).update(moderation=_STATE[action], is_accepted=accepted)
        answer.moderation, answer.is_accepted = _STATE[action], accepted
        search.changed(Question, [answer.question_id])  # its published answers are in its document
    elif action == Action.DELETE:
        answer.delete()
    question_refresh(question_id=log.question_id)
    if action == Action.APPROVE and not was_published:
        notify_asker(answer=answer, thread_url=thread_url)
    return log


@transaction.atomic
def poster_block(*, user, actor, reason: str) -> ModerationLog:
    BlockedPoster.objects.update_or_create(user=user, defaults={"reason": reason, "blocked_by": actor})
    return ModerationLog.objects.create(
        action=Action.BLOCK, actor=actor, target_user=user, subject=user.get_username(), reason=reason
    )


@transaction.atomic
def poster_unblock(*, user, actor, reason: str = "") -> ModerationLog:
    BlockedPoster.objects.filter(user=user).delete()
    return ModerationLog.objects.create(
        action=Action.UNBLOCK, actor=actor, target_user=user, subject=user.get_username(), reason=reason
    )
