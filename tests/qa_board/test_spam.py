"""Spam defences with no third-party service: a post that trips a rule is held for review and the
writer is told so in Thai; a flood from one address is throttled; nothing typed is lost."""

import time

import pytest
from django.urls import reverse

from qa_board.forms.antispam import started_token
from qa_board.models import Answer, Moderation, Question

from .factories import AnswerFactory, BannedWordFactory, QuestionFactory, answer_data, ask_data

pytestmark = pytest.mark.django_db

ASK = reverse("qa_board:ask")
HELD_MESSAGE = "อยู่ระหว่างรอการตรวจสอบ"


def _ask(client, **data):
    return client.post(ASK, ask_data(**data), follow=True)


def _held_for(reason):
    question = Question.objects.get()
    assert question.moderation == Moderation.HELD
    assert reason in question.hold_reasons
    return question


def test_filling_the_honeypot_holds_the_question(client):
    response = _ask(client, website="http://spam.example")
    _held_for("honeypot")
    assert HELD_MESSAGE in response.content.decode()


def test_sending_the_form_faster_than_a_person_types_holds_the_question(client):
    _ask(client, started=started_token(time.time() - 1))
    _held_for("too_fast")


def test_a_forged_or_missing_time_stamp_holds_the_question(client):
    _ask(client, started="1700000000:forged")
    _held_for("too_fast")


def test_more_than_two_links_hold_the_question(client):
    _ask(client, body="ดูที่ https://a.example https://b.example และ www.c.example ด้วย")
    _held_for("links")


def test_two_links_are_fine(client):
    _ask(client, body="ดูที่ https://a.example และ https://b.example ด้วยค่ะ")
    assert Question.objects.get().moderation == Moderation.PUBLISHED


def test_the_same_question_twice_is_held_the_second_time(client):
    _ask(client)
    _ask(client, title="  ขอแบบฟอร์ม\u200bรายงานศักยภาพตำบล ")  # spaces and invisible characters do not count
    first, second = Question.objects.order_by("pk")
    assert first.moderation == Moderation.PUBLISHED
    assert second.moderation == Moderation.HELD and "duplicate" in second.hold_reasons


def test_a_banned_word_holds_the_question_whatever_its_case_or_hidden_characters(client):
    BannedWordFactory(word="Casino")
    _ask(client, body="สนใจ CA\u200bSINO ออนไลน์ไหมคะ ลองดูนะ")
    _held_for("banned_word")


def test_a_held_post_keeps_everything_that_was_typed(client):
    _ask(client, website="x", body="ข้อความยาว ๆ ที่พิมพ์ไว้ทั้งหมดต้องไม่หาย", email="a@example.org")
    question = _held_for("honeypot")
    assert (question.body, question.email) == ("ข้อความยาว ๆ ที่พิมพ์ไว้ทั้งหมดต้องไม่หาย", "a@example.org")


def test_the_writer_still_sees_their_held_question_but_others_do_not(client):
    response = _ask(client, website="x")
    question = Question.objects.get()
    assert "รอการตรวจสอบ" in response.content.decode() and question.title in response.content.decode()
    from django.test import Client

    assert Client().get(question.get_absolute_url()).status_code == 404


def test_a_burst_of_thirty_posts_from_one_address_is_throttled(client):
    statuses = []
    for number in range(30):
        response = client.post(
            ASK, ask_data(title=f"ขอสอบถามเรื่องที่ {number}", body=f"รายละเอียดคำถามข้อที่ {number} ค่ะ")
        )
        statuses.append(response.status_code)
    published = Question.objects.filter(moderation=Moderation.PUBLISHED).count()
    held = Question.objects.filter(moderation=Moderation.HELD).count()
    refused = statuses.count(429)
    assert published == 5  # the limit per address: 5 in 10 minutes
    assert held + published + refused == 30 and refused == 10  # 20 an hour are taken at all
    assert all("rate_limit" in q.hold_reasons for q in Question.objects.filter(moderation=Moderation.HELD))


def test_a_refused_post_comes_back_in_the_form_with_a_thai_message(client, settings):
    settings.QA_BOARD_FLOOD_RATE = "1/h"
    client.post(ASK, ask_data(title="คำถามแรกของวันนี้"))
    response = client.post(ASK, ask_data(title="คำถามที่สองที่ต้องไม่หาย"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "กรุณารอสักครู่แล้วส่งอีกครั้ง" in html and "คำถามที่สองที่ต้องไม่หาย" in html


def test_the_limit_counts_per_address_so_another_address_may_still_post(client):
    for number in range(6):
        client.post(ASK, ask_data(title=f"ที่อยู่แรก ข้อ {number}", body=f"รายละเอียดข้อ {number} ค่ะ"))
    client.post(ASK, ask_data(title="จากที่อยู่อื่น"), REMOTE_ADDR="192.0.2.77")
    assert Question.objects.get(title="จากที่อยู่อื่น").moderation == Moderation.PUBLISHED


def test_the_limit_also_counts_per_account_across_addresses(client, member_user):
    client.force_login(member_user)
    for number in range(6):
        client.post(
            ASK,
            ask_data(title=f"บัญชีเดียว ข้อ {number}", body=f"รายละเอียดข้อ {number} ค่ะ"),
            REMOTE_ADDR=f"192.0.2.{number + 1}",
        )
    last = Question.objects.order_by("-pk").first()
    assert last.moderation == Moderation.HELD and "rate_limit" in last.hold_reasons


def test_an_answer_with_too_many_links_is_held_and_the_writer_told(client, member_user):
    question = QuestionFactory()
    client.force_login(member_user)
    response = client.post(
        reverse("qa_board:answer-create", kwargs={"pk": question.pk}),
        answer_data(body="https://a.example https://b.example https://c.example"),
        follow=True,
    )
    answer = Answer.objects.get()
    assert answer.moderation == Moderation.HELD and "links" in answer.hold_reasons
    assert HELD_MESSAGE in response.content.decode()
    question.refresh_from_db()
    assert (question.status, question.answer_count) == ("open", 0)


def test_the_same_answer_twice_on_a_thread_is_held(client, member_user):
    question = QuestionFactory()
    AnswerFactory(question=question, body="ใช้แบบฟอร์มเดิมได้เลยครับ", content_hash="")
    from qa_board.services.spam import content_hash

    Answer.objects.update(content_hash=content_hash("ใช้แบบฟอร์มเดิมได้เลยครับ"))
    client.force_login(member_user)
    client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert Answer.objects.order_by("-pk").first().hold_reasons == ["duplicate"]


def test_mentors_answers_skip_the_link_rule(client, mentor_user):
    question = QuestionFactory()
    client.force_login(mentor_user)
    client.post(
        reverse("qa_board:answer-create", kwargs={"pk": question.pk}),
        answer_data(body="แบบฟอร์ม https://a.example คู่มือ https://b.example ตัวอย่าง https://c.example"),
    )
    assert Answer.objects.get().moderation == Moderation.PUBLISHED


def test_a_blocked_account_cannot_ask_or_answer(client, member_user, staff_user):
    from qa_board.services.moderation import poster_block

    poster_block(user=member_user, actor=staff_user, reason="สแปมซ้ำ")
    question = QuestionFactory()
    client.force_login(member_user)
    assert client.post(ASK, ask_data()).status_code == 403
    response = client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert response.status_code == 403
    assert Question.objects.count() == 1 and Answer.objects.count() == 0
