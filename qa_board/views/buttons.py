"""The moderators' buttons, worded once for the queue and the thread page."""

from django.utils.translation import gettext as _

from ..models import ModerationLog

Action = ModerationLog.Action


def action_buttons(actions) -> list[dict]:
    labels = {
        Action.APPROVE: _("Approve"),
        Action.HIDE: _("Hide"),
        Action.LOCK: _("Close thread"),
        Action.UNLOCK: _("Reopen thread"),
        Action.DELETE: _("Delete"),
        Action.SPAM: _("Mark as spam"),
    }
    return [{"action": action, "label": labels[action]} for action in actions]
