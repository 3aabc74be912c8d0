"""The asker is told by e-mail when their question is answered, if they left an address."""

import pytest
from django.core import mail
from django.urls import reverse

from .factories import QuestionFactory, answer_data

pytestmark = pytest.mark.django_db


def _answer(client, question):
    return client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())


def test_a_visitor_who_left_an_address_gets_a_thai_e_mail_with_the_link(
    client, mentor_user, django_capture_on_commit_callbacks
):
    question = QuestionFactory(visitor=True, title="ขอแบบฟอร์ม")
    client.force_login(mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, question)
    (message,) = mail.outbox
    assert message.to == ["somsri@example.org"]
    assert "มีคำตอบสำหรับคำถามของคุณแล้ว" in message.subject and "ขอแบบฟอร์ม" in message.subject
    assert f"/qa/{question.pk}/" in message.body


def test_a_visitor_without_an_address_gets_nothing(client, mentor_user, django_capture_on_commit_callbacks):
    question = QuestionFactory(visitor=True, email="")
    client.force_login(mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, question)
    assert mail.outbox == []


def test_a_member_is_mailed_at_their_account_address(
    client, mentor_user, member_user, django_capture_on_commit_callbacks
):
    question = QuestionFactory(author=member_user)
    client.force_login(mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, question)
    assert [m.to for m in mail.outbox] == [[member_user.email]]


def test_answering_ones_own_question_sends_no_mail(client, member_user, django_capture_on_commit_callbacks):
    question = QuestionFactory(author=member_user)
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, question)
    assert mail.outbox == []


def test_a_held_answer_sends_no_mail_until_approved(client, member_user, django_capture_on_commit_callbacks):
    question = QuestionFactory(visitor=True)
    client.force_login(member_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data(website="bot"))
    assert mail.outbox == []


def test_a_title_with_a_line_break_still_makes_a_valid_subject(
    client, mentor_user, django_capture_on_commit_callbacks
):
    question = QuestionFactory(visitor=True, title="บรรทัดแรก\nBcc: victim@example.org")
    client.force_login(mentor_user)
    with django_capture_on_commit_callbacks(execute=True):
        _answer(client, question)
    (message,) = mail.outbox
    assert "\n" not in message.subject and message.bcc == []
