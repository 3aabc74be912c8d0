"""The thread page: the question and its answers in two queries (accepted answer first)."""

from ..models import Answer, Question
from ..permissions import can_moderate


def thread_question(pk: int, user, own_ids=()) -> Question | None:
    return (
        Question.objects.visible_to(user, own_ids=own_ids)
        .select_related("topic", "subdistrict__district__province", "author")
        .filter(pk=pk)
        .first()
    )


def thread_answers(question: Question, user) -> list[Answer]:
    """Published answers (moderators also see held ones), the accepted one first, then in order."""
    answers = Answer.objects.filter(question=question).select_related("author")
    if can_moderate(user):
        answers = answers.exclude(moderation="spam")
    else:
        own = user.pk if getattr(user, "is_authenticated", False) else None
        answers = answers.filter(moderation="published") | answers.filter(moderation="held", author_id=own)
    return list(answers.order_by("-is_accepted", "created_at", "pk"))
