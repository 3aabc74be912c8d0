"""What the board gives the search index (registered in registrations.py): each question with
its published answers, as visitors read them (phone and ID numbers masked, PDPA). Questions
held, hidden or spam are found only by the moderators (staff and admins); the e-mail and
address of an asker never reach the index."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext

from chsd_portal.search.registry import Document, join

from ..models import Answer, Question, Topic
from ..models.question import Moderation
from ..text.personal_data import mask_personal_data


def questions():
    return Question.objects.select_related("topic", "subdistrict").prefetch_related(
        Prefetch(
            "answers",
            queryset=Answer.objects.published().order_by("created_at", "pk"),
            to_attr="published_answers",
        )
    )


def question_document(question: Question) -> Document:
    return Document(
        title=mask_personal_data(question.title),
        url=question.get_absolute_url(),
        body=join(
            question.topic.name if question.topic_id else "",
            question.subdistrict.name_th if question.subdistrict_id else "",
            mask_personal_data(question.body),
            *(mask_personal_data(answer.body) for answer in question.published_answers),
        ),
        date=question.created_at,
        public=question.moderation == Moderation.PUBLISHED,
    )


def topic_document(topic: Topic) -> Document:
    """A topic's page of the board (กระดานถาม - ตอบ · กองทุนสุขภาพตำบล): where its questions are listed."""
    board = gettext("Q&A board")
    return Document(
        title=f"{board} · {topic.name}",
        url=reverse("qa_board:question-list") + f"?topic={topic.slug}",
        body=gettext("Questions about %(topic)s on the %(board)s") % {"topic": topic.name, "board": board},
    )
