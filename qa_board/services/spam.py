"""The spam rules, with no third-party service. A post that trips one is held for review (never
thrown away); the codes are kept on the post so moderators see why.

The rate limits are counted by django-ratelimit in the "ratelimit" cache (settings: a shared
cache, so they hold across processes; by default the database, through ratelimit_cache.py,
whose increments are atomic; see the README)."""

import hashlib
import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from ..models import Answer, BannedWord, Question
from ..permissions import is_trusted
from ..text.render import clean_text, links_in

HONEYPOT = "honeypot"
TOO_FAST = "too_fast"
RATE_LIMIT = "rate_limit"
TOO_MANY_LINKS = "links"
DUPLICATE = "duplicate"
BANNED_WORD = "banned_word"

REASON_LABELS = {
    HONEYPOT: _("a hidden field was filled in"),
    TOO_FAST: _("sent too quickly after the form was opened"),
    RATE_LIMIT: _("many posts in a short time"),
    TOO_MANY_LINKS: _("too many links"),
    DUPLICATE: _("the same text was posted before"),
    BANNED_WORD: _("contains a banned word"),
}

_INVISIBLE = re.compile("[\u200b-\u200f\u2060\u00ad\ufeff]")


def normalise(text: str) -> str:
    """What the rules compare: case, spacing and invisible characters do not count."""
    return " ".join(_INVISIBLE.sub("", clean_text(text)).casefold().split())


def content_hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(normalise(part) for part in parts).encode()).hexdigest()


def _rate(name: str) -> str:
    return getattr(settings, name)


def rate_limited(request, *, increment: bool = True) -> bool:
    """Over the per-address or per-account limit of posts (django-ratelimit, shared cache)."""
    over = is_ratelimited(
        request, group="qa_board.post", key="ip", rate=_rate("QA_BOARD_RATE_PER_ADDRESS"), increment=increment
    )
    if getattr(request.user, "is_authenticated", False):
        over = (
            is_ratelimited(
                request,
                group="qa_board.post-account",
                key="user",
                rate=_rate("QA_BOARD_RATE_PER_ACCOUNT"),
                increment=increment,
            )
            or over
        )
    return over


def flooding(request) -> bool:
    """Far over the limit: the post is refused (the form comes back filled in) rather than held."""
    return is_ratelimited(
        request, group="qa_board.flood", key="ip", rate=_rate("QA_BOARD_FLOOD_RATE"), increment=True
    )


def banned_words_in(text: str) -> list[str]:
    normalised = normalise(text)
    return [
        word for word in BannedWord.objects.values_list("word", flat=True) if normalise(word) in normalised
    ]


def hold_reasons(
    *,
    user,
    texts: tuple[str, ...],
    honeypot_filled: bool,
    seconds_taken: float | None,
    rate_limited: bool,
    duplicate_of,
) -> list[str]:
    """Every rule the post trips; an empty list publishes it. `duplicate_of` is a queryset of
    earlier posts to compare with (content_hash is filled on them)."""
    if is_trusted(user):
        return []
    reasons = []
    if honeypot_filled:
        reasons.append(HONEYPOT)
    if seconds_taken is None or seconds_taken < settings.QA_BOARD_MIN_SECONDS:
        reasons.append(TOO_FAST)
    if rate_limited:
        reasons.append(RATE_LIMIT)
    joined = "\n".join(texts)
    if len(links_in(joined)) > settings.QA_BOARD_MAX_LINKS:
        reasons.append(TOO_MANY_LINKS)
    if duplicate_of.filter(content_hash=content_hash(*texts)).exists():
        reasons.append(DUPLICATE)
    if banned_words_in(joined):
        reasons.append(BANNED_WORD)
    return reasons


def question_duplicates():
    from datetime import timedelta

    from django.utils import timezone

    return Question.objects.filter(created_at__gte=timezone.now() - timedelta(days=30))


def answer_duplicates(question):
    return Answer.objects.filter(question=question)
