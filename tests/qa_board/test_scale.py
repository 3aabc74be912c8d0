"""At the size the issue names, 20,000 questions and 50,000 answers: the list and a thread cost
the same queries as on a nearly empty board, and a search for part of a Thai word is answered
by the trigram indexes instead of reading every question."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qa_board.models import Question
from qa_board.selectors.question_list import ListFilters, filtered_questions

from .factories import RARE_WORD, AnswerFactory, QuestionFactory, bulk_board

pytestmark = pytest.mark.django_db

QUESTIONS, ANSWERS = 20_000, 50_000
LIST_PARAMS = [{}, {"show": "unanswered"}, {"show": "answered"}, {"q": "กองทุน"}, {"page": "3"}]


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def test_the_list_and_a_thread_cost_the_same_queries_at_20000_questions_and_50000_answers(
    client, member_user
):
    # Nearly empty: three pages of questions, answered and not, and one answered thread.
    small = QuestionFactory.create_batch(25, answered=True) + QuestionFactory.create_batch(25)
    AnswerFactory(question=small[0])
    list_url = reverse("qa_board:question-list")
    few = {str(params): _count(client, list_url, params) for params in LIST_PARAMS}
    thread_few = _count(client, small[0].get_absolute_url())
    client.force_login(member_user)
    member_thread_few = _count(client, small[0].get_absolute_url())
    client.logout()

    made = bulk_board(questions=QUESTIONS, answers=ANSWERS)
    assert Question.objects.count() > QUESTIONS
    busiest = max(made, key=lambda question: question.answer_count)
    many = {str(params): _count(client, list_url, params) for params in LIST_PARAMS}
    assert many == few
    assert _count(client, busiest.get_absolute_url()) == thread_few
    client.force_login(member_user)
    assert _count(client, busiest.get_absolute_url()) == member_thread_few


def test_a_search_for_part_of_a_thai_word_uses_the_trigram_indexes_at_20000_questions():
    bulk_board(questions=QUESTIONS, answers=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE qa_board_question")
    found = filtered_questions(ListFilters(q="ข้เลือดอ"))  # the middle of ไข้เลือดออก
    plan = found.explain()
    assert "qa_question_title_trgm" in plan and "qa_question_body_trgm" in plan, plan
    assert "Seq Scan" not in plan, plan
    # The index narrows; the exact match decides: every question with the word, and only those.
    expected = {pk for pk, body in Question.objects.values_list("pk", "body") if RARE_WORD in body}
    assert set(found.values_list("pk", flat=True)) == expected and len(expected) == QUESTIONS // 400


def test_the_folded_filter_never_loses_a_match_the_exact_one_finds():
    QuestionFactory(title="Health FUND ของตำบล", body="ผู้สูงอายุ ๒๕๖๔ ๆ")
    for text in ("fund", "FuNd", "ของตำ", "๒๕๖", "ๆ", "สูงอ", "h"):
        assert filtered_questions(ListFilters(q=text)).count() == 1, text
    assert filtered_questions(ListFilters(q="2564")).count() == 0
    assert filtered_questions(ListFilters(q="100%")).count() == 0
