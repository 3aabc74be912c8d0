"""What the database itself holds true on the board."""

import pytest
from django.db import IntegrityError, transaction

from qa_board.models import Answer, Question
from qa_board.services.answers import answer_accept
from qa_board.services.questions import question_record_view, question_refresh

from .factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


def test_a_question_needs_an_account_or_a_display_name():
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(title="ไม่มีชื่อ", body="ไม่มีผู้ถาม")


def test_the_database_refuses_a_second_accepted_answer():
    question = QuestionFactory()
    AnswerFactory(question=question, accepted=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerFactory(question=question, accepted=True)


def test_the_database_refuses_an_accepted_answer_that_is_not_published():
    with pytest.raises(IntegrityError), transaction.atomic():
        AnswerFactory(accepted=True, held=True)


def test_the_database_refuses_an_unknown_status():
    question = QuestionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.filter(pk=question.pk).update(status="maybe")


def test_accepting_another_answer_moves_the_mark():
    question = QuestionFactory()
    first = AnswerFactory(question=question, accepted=True)
    second = AnswerFactory(question=question)
    answer_accept(answer=second)
    assert list(Answer.objects.filter(question=question, is_accepted=True)) == [second]
    first.refresh_from_db()
    assert not first.is_accepted


def test_views_are_counted_in_the_database_not_from_a_copy_in_memory():
    question = QuestionFactory()
    read_earlier = Question.objects.get(pk=question.pk)
    question_record_view(question_id=question.pk)
    question_record_view(question_id=question.pk)
    question.refresh_from_db()
    assert (read_earlier.view_count, question.view_count) == (0, 2)


def test_refresh_counts_only_published_answers_and_sets_the_status():
    question = QuestionFactory()
    AnswerFactory(question=question, held=True)
    question_refresh(question_id=question.pk)
    question.refresh_from_db()
    assert (question.status, question.answer_count) == (Question.Status.OPEN, 0)
    AnswerFactory(question=question)
    question_refresh(question_id=question.pk)
    question.refresh_from_db()
    assert (question.status, question.answer_count) == (Question.Status.ANSWERED, 1)
    assert question.answered_at is not None


def test_a_closed_question_stays_closed_when_answers_change():
    question = QuestionFactory(status=Question.Status.CLOSED)
    AnswerFactory(question=question)
    question_refresh(question_id=question.pk)
    question.refresh_from_db()
    assert question.status == Question.Status.CLOSED
