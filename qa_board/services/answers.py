"""Writes for answers: posting one (official when a mentor or staff member writes it) and
accepting one."""

from django.db import transaction

from ..models import Answer, Moderation, Question
from ..permissions import answers_officially
from .notify import notify_asker
from .questions import question_refresh
from .spam import content_hash


@transaction.atomic
def answer_create(
    *,
    question: Question,
    author,
    body: str,
    ip_address: str | None = None,
    hold_reasons: list[str] = (),
    thread_url: str = "",
) -> Answer:
    answer = Answer.objects.create(
        question=question,
        author=author,
        body=body,
        is_official=answers_officially(author),
        ip_address=ip_address,
        moderation=Moderation.HELD if hold_reasons else Moderation.PUBLISHED,
        hold_reasons=list(hold_reasons),
        content_hash=content_hash(body),
    )
    if answer.is_published:
        question_refresh(question_id=question.pk)
        notify_asker(answer=answer, thread_url=thread_url)
    return answer


@transaction.atomic
def answer_accept(*, answer: Answer) -> None:
    """Make this the question's one accepted answer (the database allows only one)."""
    Question.objects.select_for_update().filter(pk=answer.question_id).first()
    Answer.objects.filter(question_id=answer.question_id, is_accepted=True).exclude(pk=answer.pk).update(
        is_accepted=False
    )
    Answer.objects.filter(pk=answer.pk).update(is_accepted=True)
    answer.is_accepted = True
