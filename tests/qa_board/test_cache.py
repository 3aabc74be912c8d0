"""The board's list is cached under its data version: any change it shows appears on the very
next request; only view counts may lag (qa_board/cache.py)."""

import pytest
from django.urls import reverse

from qa_board.models import Question
from qa_board.services.moderation import question_moderate
from qa_board.services.questions import question_record_view

from .factories import AnswerFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db

LIST = reverse("qa_board:question-list")


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "qa-list"},
    }
    from django.core.cache import caches

    caches["default"].clear()
    yield
    caches["default"].clear()


def test_a_new_question_shows_on_the_next_request(client, real_cache):
    QuestionFactory(title="คำถามเดิม")
    assert "คำถามเดิม" in client.get(LIST).content.decode()
    QuestionFactory(title="คำถามที่เพิ่งถาม")
    assert "คำถามที่เพิ่งถาม" in client.get(LIST).content.decode()


def test_an_answer_hidden_question_and_renamed_topic_show_at_once(client, real_cache, staff_user):
    topic = TopicFactory(name="หมวดเดิม")
    question = QuestionFactory(title="คำถามที่จะซ่อน", topic=topic)
    client.get(LIST)
    AnswerFactory(question=question)
    Question.objects.filter(pk=question.pk).update(answer_count=1, status="answered")
    assert "1 คำตอบ" in client.get(LIST).content.decode()
    topic.name = "หมวดใหม่"
    topic.save()
    assert "หมวดใหม่" in client.get(LIST).content.decode()
    question_moderate(question=question, action="hide", actor=staff_user)
    assert "คำถามที่จะซ่อน" not in client.get(LIST).content.decode()


def test_a_view_alone_does_not_invalidate_the_cached_list(client, real_cache, django_assert_num_queries):
    question = QuestionFactory(view_count=3)
    client.get(LIST)
    question_record_view(question_id=question.pk)
    with django_assert_num_queries(1):  # the data-version read; the page itself from the cache
        assert "อ่าน 3 ครั้ง" in client.get(LIST).content.decode()


def test_a_visitors_thread_is_cached_yet_counts_every_view_and_shows_a_new_answer_at_once(
    client, real_cache, django_assert_max_num_queries
):
    question = QuestionFactory()
    url = question.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(5):  # the view's UPDATE (4 with its savepoint) and the version
        client.get(url)
    question.refresh_from_db()
    assert question.view_count == 2
    AnswerFactory(question=question, body="คำตอบใหม่ล่าสุด")
    assert "คำตอบใหม่ล่าสุด" in client.get(url).content.decode()


def test_the_visitor_who_asked_gets_a_page_of_their_own_with_the_accept_button(client, real_cache):
    from django.test import Client

    from .factories import ask_data

    client.post(reverse("qa_board:ask"), ask_data())
    question = Question.objects.get()
    AnswerFactory(question=question)
    stranger = Client()
    assert "ยอมรับคำตอบนี้" not in stranger.get(question.get_absolute_url()).content.decode()
    assert "ยอมรับคำตอบนี้" in client.get(question.get_absolute_url()).content.decode()
    assert "ยอมรับคำตอบนี้" not in stranger.get(question.get_absolute_url()).content.decode()


def test_a_hidden_question_is_not_served_from_the_cache(client, real_cache, staff_user):
    question = QuestionFactory(title="จะถูกซ่อน")
    client.get(question.get_absolute_url())
    question_moderate(question=question, action="hide", actor=staff_user)
    assert client.get(question.get_absolute_url()).status_code == 404
