"""The moderators' reads: what is held, the log, and who keeps being held."""

from django.core.paginator import Paginator
from django.db.models import Count, Q

from ..models import Answer, ModerationLog, Question

LOG_PAGE_SIZE = 50
QUEUE_LIMIT = 50
# An account with this many held or spam posts is offered for blocking.
REPEAT_OFFENDER_POSTS = 3


def held_questions() -> list[Question]:
    return list(
        Question.objects.filter(moderation="held")
        .select_related("author", "topic", "subdistrict")
        .order_by("created_at", "pk")[:QUEUE_LIMIT]
    )


def held_answers() -> list[Answer]:
    return list(
        Answer.objects.filter(moderation="held")
        .select_related("author", "question")
        .order_by("created_at", "pk")[:QUEUE_LIMIT]
    )


def held_counts() -> dict:
    return {
        "questions": Question.objects.filter(moderation="held").count(),
        "answers": Answer.objects.filter(moderation="held").count(),
    }


def repeat_offenders(user_ids) -> dict[int, int]:
    """For the accounts shown in the queue: how many of their posts were held or marked spam,
    when that reaches REPEAT_OFFENDER_POSTS and they are not blocked yet (one query)."""
    from django.contrib.auth import get_user_model

    bad = ["held", "spam"]
    users = (
        get_user_model()
        .objects.filter(pk__in=set(user_ids), qa_block__isnull=True)
        .annotate(
            held_questions=Count("qa_questions", filter=Q(qa_questions__moderation__in=bad), distinct=True),
            held_answers=Count("qa_answers", filter=Q(qa_answers__moderation__in=bad), distinct=True),
        )
        .values_list("pk", "held_questions", "held_answers")
    )
    return {pk: q + a for pk, q, a in users if q + a >= REPEAT_OFFENDER_POSTS}


def log_page(page_number):
    queryset = ModerationLog.objects.select_related("actor", "target_user").order_by("-created_at", "-pk")
    return Paginator(queryset, LOG_PAGE_SIZE).get_page(page_number)
