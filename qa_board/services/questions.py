"""Writes for questions: asking, counting a view, and keeping the counters and status true."""

from django.db import connection, transaction
from django.db.models import Case, Count, Exists, F, Max, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from ..models import Answer, Moderation, Question
from .spam import content_hash


@transaction.atomic
def question_create(
    *,
    title: str,
    body: str,
    author=None,
    display_name: str = "",
    email: str = "",
    topic=None,
    subdistrict=None,
    ip_address: str | None = None,
    hold_reasons: list[str] = (),
) -> Question:
    """A new question, published, or held for review when a spam rule tripped."""
    return Question.objects.create(
        title=title,
        body=body,
        author=author if getattr(author, "is_authenticated", False) else None,
        display_name="" if getattr(author, "is_authenticated", False) else display_name,
        email=email,
        topic=topic,
        subdistrict=subdistrict,
        ip_address=ip_address,
        moderation=Moderation.HELD if hold_reasons else Moderation.PUBLISHED,
        hold_reasons=list(hold_reasons),
        content_hash=content_hash(title, body),
    )


def question_record_view(*, question_id: int) -> None:
    """One more view of a published question, in one UPDATE, so concurrent readers never lose a
    count.

    The commit does not wait for the disk (synchronous_commit off, for this transaction only):
    every thread page writes, and waiting for the WAL flush held `make bench`'s thread page to
    a few dozen requests a second. A crash may forget the last moment's views, nothing else."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        Question.objects.filter(pk=question_id, moderation=Moderation.PUBLISHED).update(
            view_count=F("view_count") + 1
        )


def question_refresh(*, question_id: int) -> None:
    """Recount the published answers and derive the status from them, in one UPDATE: a closed
    question stays closed; otherwise it is answered once one published answer exists."""
    published = Answer.objects.filter(question=OuterRef("pk"), moderation=Moderation.PUBLISHED)
    count = published.order_by().values("question").annotate(n=Count("pk")).values("n")
    latest = published.order_by().values("question").annotate(at=Max("created_at")).values("at")
    Question.objects.filter(pk=question_id).update(
        answer_count=Coalesce(Subquery(count), 0),
        answered_at=Subquery(latest),
        status=Case(
            When(status=Question.Status.CLOSED, then=Value(Question.Status.CLOSED)),
            When(Exists(published), then=Value(Question.Status.ANSWERED)),
            default=Value(Question.Status.OPEN),
        ),
    )


@transaction.atomic
def question_set_closed(*, question: Question, closed: bool) -> None:
    """Close a thread (no more answers) or open it again."""
    Question.objects.filter(pk=question.pk).update(
        status=Question.Status.CLOSED if closed else Question.Status.OPEN
    )
    if not closed:
        question_refresh(question_id=question.pk)
    question.refresh_from_db(fields=["status", "answer_count", "answered_at"])
