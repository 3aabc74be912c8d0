"""Every board page costs a fixed number of queries: pinned here, and shown not to grow when
the board holds many more questions and answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import AnswerFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


def _grow(questions=30, answers_each=3, **question_kwargs):
    topic = TopicFactory()
    for question in QuestionFactory.create_batch(questions, topic=topic, answered=True, **question_kwargs):
        AnswerFactory.create_batch(answers_each, question=question)


# Visitor pages. The list (when not served from the page cache, as with the tests' dummy
# cache): the data-version read, the menu's framework numbers, the menu's sites, topics, the most asked-about
# sub-districts and their names, COUNT, the page's rows. A thread: the view's UPDATE with its
# SET LOCAL (and, in a test, the savepoint and its release; in production BEGIN and COMMIT),
# then, when not served from the page cache, the data-version read, the menu (frameworks, sites),
# the question,
# the answers. Signed-in: no page cache, and the session, the user with roles, blocked?
LIST_QUERIES = 8
THREAD_QUERIES = 9
SIGNED_IN_THREAD_QUERIES = 11


@pytest.mark.parametrize("params", [{}, {"show": "unanswered"}, {"q": "กองทุน"}, {"topic": "topic-0"}])
def test_the_list_costs_the_same_few_queries_with_more_questions(client, geography, params):
    from sites.models import Subdistrict

    tambons = list(Subdistrict.objects.order_by("code")[:40])
    QuestionFactory.create_batch(2, subdistrict=tambons[0])
    few = _count(client, reverse("qa_board:question-list"), params)
    _grow()
    for tambon in tambons:
        QuestionFactory(subdistrict=tambon)
    many = _count(client, reverse("qa_board:question-list"), params)
    assert few == many <= LIST_QUERIES


def test_a_thread_costs_the_same_few_queries_with_more_answers(client):
    small = QuestionFactory()
    AnswerFactory(question=small)
    few = _count(client, small.get_absolute_url())
    big = QuestionFactory()
    AnswerFactory.create_batch(40, question=big)
    AnswerFactory.create_batch(5, question=big, official=True)
    many = _count(client, big.get_absolute_url())
    assert few == many <= THREAD_QUERIES


def test_a_thread_for_a_signed_in_member_costs_a_fixed_number_of_queries(client, member_user):
    client.force_login(member_user)
    small = QuestionFactory()
    few = _count(client, small.get_absolute_url())
    big = QuestionFactory()
    AnswerFactory.create_batch(30, question=big)
    assert (
        _count(client, big.get_absolute_url()) == few <= THREAD_QUERIES + 3
    )  # + session, user with roles, blocked?


def test_the_moderation_queue_costs_a_fixed_number_of_queries(client, staff_user):
    client.force_login(staff_user)
    QuestionFactory(held=True)
    AnswerFactory(held=True)
    few = _count(client, reverse("qa_board:moderation"))
    QuestionFactory.create_batch(20, held=True)
    AnswerFactory.create_batch(20, held=True)
    assert _count(client, reverse("qa_board:moderation")) == few <= 9  # 8 + the menu's sites


def test_my_questions_costs_a_fixed_number_of_queries(client, member_user):
    client.force_login(member_user)
    QuestionFactory(author=member_user)
    few = _count(client, reverse("qa_board:my-questions"))
    QuestionFactory.create_batch(15, author=member_user, answered=True)
    assert _count(client, reverse("qa_board:my-questions")) == few <= 5  # 4 + the menu's sites


def test_the_home_pages_answered_block_costs_one_query_however_many_questions(client):
    QuestionFactory(answered=True)
    few = _count(client, reverse("programmes:home"))
    _grow(questions=20, answers_each=1)
    assert _count(client, reverse("programmes:home")) == few


def test_the_ask_form_costs_a_fixed_number_of_queries(client, geography):
    TopicFactory()
    few = _count(client, reverse("qa_board:ask"))
    TopicFactory.create_batch(5)
    assert _count(client, reverse("qa_board:ask")) == few <= 4  # 3 + the menu's sites


def test_the_moderation_log_costs_a_fixed_number_of_queries(client, staff_user):
    from qa_board.services.moderation import question_moderate

    client.force_login(staff_user)
    question_moderate(question=QuestionFactory(), action="approve", actor=staff_user)
    few = _count(client, reverse("qa_board:moderation-log"))
    for question in QuestionFactory.create_batch(30):
        question_moderate(question=question, action="hide", actor=staff_user, reason="ทดสอบ")
    assert _count(client, reverse("qa_board:moderation-log")) == few <= 8
