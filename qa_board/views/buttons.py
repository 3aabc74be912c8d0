"""The moderators' buttons, worded once for the queue and the thread page, and only those that
change something: a published post offers no "approve", an open thread no "reopen"."""

from django.utils.translation import gettext as _

from ..models import Answer, Moderation, ModerationLog, Question

Action = ModerationLog.Action


def _labels() -> dict:
    return {
        Action.APPROVE: _("Approve"),
        Action.HIDE: _("Hide"),
        Action.LOCK: _("Close thread"),
        Action.UNLOCK: _("Reopen thread"),
        Action.DELETE: _("Delete"),
        Action.SPAM: _("Mark as spam"),
    }


def applicable_actions(post: Question | Answer) -> list[str]:
    """The actions that would change `post`, in the order the buttons show them. Delete is
    always there; it asks for confirmation on a page of its own (views/moderation.py)."""
    actions = []
    if post.moderation != Moderation.PUBLISHED:
        actions.append(Action.APPROVE)
    if post.moderation != Moderation.HIDDEN:
        actions.append(Action.HIDE)
    if post.moderation != Moderation.SPAM:
        actions.append(Action.SPAM)
    if isinstance(post, Question):
        if post.status == Question.Status.CLOSED:
            actions.append(Action.UNLOCK)
        elif post.moderation == Moderation.PUBLISHED:
            actions.append(Action.LOCK)
    actions.append(Action.DELETE)
    return actions


def action_buttons(post: Question | Answer) -> list[dict]:
    labels = _labels()
    return [{"action": action, "label": labels[action]} for action in applicable_actions(post)]
