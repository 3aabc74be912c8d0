"""What the ask and answer views share: the writer's address, the visitor's own questions kept
in their session, and the spam check around a valid form."""

from django.contrib import messages
from django.utils.translation import gettext as _

from ..services import spam

SESSION_KEY = "qa_board.asked"
MAX_REMEMBERED = 50


def client_ip(request) -> str | None:
    """REMOTE_ADDR (behind a proxy, the proxy must set it to the client's address; see README)."""
    return request.META.get("REMOTE_ADDR") or None


def own_question_ids(request) -> list[int]:
    """The questions this browser's visitor asked (they may see them while held, and accept)."""
    if not hasattr(request, "session"):
        return []
    return list(request.session.get(SESSION_KEY, []))


def remember_question(request, question_id: int) -> None:
    ids = [question_id, *[pk for pk in own_question_ids(request) if pk != question_id]]
    request.session[SESSION_KEY] = ids[:MAX_REMEMBERED]


def hold_reasons_for(request, form, *, texts, duplicate_of) -> list[str]:
    return spam.hold_reasons(
        user=request.user,
        texts=texts,
        honeypot_filled=form.honeypot_filled,
        seconds_taken=form.seconds_taken,
        rate_limited=spam.rate_limited(request),
        duplicate_of=duplicate_of,
    )


def tell_held(request) -> None:
    messages.warning(
        request,
        _(
            "Thank you. Your post is held for review by the programme staff before it is shown to "
            "everyone; nothing you typed is lost. It appears once approved."
        ),
    )


def flood_message() -> str:
    return _(
        "You have sent many posts in a short time. Please wait a few minutes and send again: "
        "what you typed is still in the form."
    )
