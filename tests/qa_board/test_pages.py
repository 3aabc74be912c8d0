"""The board's pages as visitors, members, mentors and staff use them."""

import pytest
from django.urls import reverse

from qa_board.models import Answer, Moderation, Question

from .factories import AnswerFactory, QuestionFactory, TopicFactory, answer_data, ask_data

pytestmark = pytest.mark.django_db

LIST = reverse("qa_board:question-list")
ASK = reverse("qa_board:ask")


def detail(question):
    return reverse("qa_board:question-detail", kwargs={"pk": question.pk})


def test_the_list_shows_published_questions_newest_first_with_answers_views_and_status(client):
    older = QuestionFactory(title="คำถามเก่า", view_count=7, answered=True)
    newer = QuestionFactory(title="คำถามใหม่")
    QuestionFactory(title="คำถามที่รอตรวจ", held=True)
    html = client.get(LIST).content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "คำถามที่รอตรวจ" not in html
    assert "1 คำตอบ" in html and "อ่าน 7 ครั้ง" in html
    assert "ตอบแล้ว" in html and "รอคำตอบ" in html


def test_the_unanswered_tab_shows_only_questions_awaiting_an_answer(client):
    QuestionFactory(title="ตอบแล้วนะ", answered=True)
    QuestionFactory(title="ยังไม่มีใครตอบ")
    html = client.get(LIST, {"show": "unanswered"}).content.decode()
    assert "ยังไม่มีใครตอบ" in html and "ตอบแล้วนะ" not in html


def test_the_answered_tab_shows_only_answered_questions_and_is_marked_current(client):
    QuestionFactory(title="ตอบแล้วนะ", answered=True)
    QuestionFactory(title="ยังไม่มีใครตอบ")
    html = client.get(LIST, {"show": "answered"}).content.decode()
    assert "ตอบแล้วนะ" in html and "ยังไม่มีใครตอบ" not in html
    assert 'href="?show=answered" aria-current="page"' in html


def test_search_finds_a_word_inside_a_thai_sentence(client):
    QuestionFactory(title="การเบิกจ่ายงบประมาณงวดที่สองของโครงการ")
    QuestionFactory(title="ประชุมกับพื้นที่ครั้งหน้า")
    html = client.get(LIST, {"q": "งบประมาณ"}).content.decode()
    assert "การเบิกจ่ายงบประมาณ" in html and "ประชุมกับพื้นที่ครั้งหน้า" not in html


def test_the_list_filters_by_topic_and_by_tambon(client, geography):
    from sites.models import Subdistrict

    topic = TopicFactory(name="อาสาสมัคร", slug="volunteers")
    koh_kwang = Subdistrict.objects.get(code="220104")
    QuestionFactory(title="เรื่อง อสม.", topic=topic)
    QuestionFactory(title="เรื่องที่เกาะขวาง", subdistrict=koh_kwang)
    by_topic = client.get(LIST, {"topic": "volunteers"}).content.decode()
    assert "เรื่อง อสม." in by_topic and "เรื่องที่เกาะขวาง" not in by_topic
    by_tambon = client.get(LIST, {"tambon": "220104"}).content.decode()
    assert "เรื่องที่เกาะขวาง" in by_tambon and "เรื่อง อสม." not in by_tambon
    assert "220104 เกาะขวาง" in by_topic  # suggested in the sub-district filter
    by_name = client.get(LIST, {"tambon": "เกาะขวาง"}).content.decode()
    assert "เรื่องที่เกาะขวาง" in by_name and "เรื่อง อสม." not in by_name


def test_the_list_paginates(client):
    QuestionFactory.create_batch(25)
    first = client.get(LIST)
    assert len(first.context["questions"]) == 20
    assert len(client.get(LIST, {"page": 2}).context["questions"]) == 5


def test_a_thread_counts_a_view_and_shows_answers_with_the_accepted_one_first(client):
    question = QuestionFactory()
    AnswerFactory(question=question, body="คำตอบแรก")
    AnswerFactory(question=question, body="คำตอบที่ยอมรับ", accepted=True, official=True)
    html = client.get(detail(question)).content.decode()
    assert html.index("คำตอบที่ยอมรับ") < html.index("คำตอบแรก")
    assert "คำตอบจากเจ้าหน้าที่" in html
    question.refresh_from_db()
    assert question.view_count == 1


def test_a_held_question_is_not_found_by_the_public(client):
    question = QuestionFactory(held=True)
    assert client.get(detail(question)).status_code == 404


def test_a_visitor_asks_with_a_display_name_and_sees_the_question_published(client):
    response = client.post(ASK, ask_data())
    question = Question.objects.get()
    assert response.status_code == 302 and response.url == detail(question)
    assert (question.author, question.display_name, question.moderation) == (None, "ป้าสมศรี", "published")
    page = client.get(response.url).content.decode()
    assert "เผยแพร่คำถามของคุณแล้ว" in page and "ป้าสมศรี" in page


def test_a_visitor_must_give_a_display_name(client):
    response = client.post(ASK, ask_data(display_name=""))
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors
    assert Question.objects.count() == 0


def test_a_member_asks_as_themselves(client, member_user):
    client.force_login(member_user)
    client.post(ASK, ask_data(display_name="ชื่ออื่น"))
    question = Question.objects.get()
    assert (question.author, question.display_name) == (member_user, "")


def test_the_visitors_e_mail_is_shown_to_staff_only(client, staff_user):
    question = QuestionFactory(visitor=True)
    assert "somsri@example.org" not in client.get(detail(question)).content.decode()
    client.force_login(staff_user)
    assert "somsri@example.org" in client.get(detail(question)).content.decode()


@pytest.mark.parametrize("role", ["member", "mentor", "staff", "admin"])
def test_members_mentors_and_staff_may_answer(client, role):
    from tests.factories import UserFactory

    question = QuestionFactory()
    client.force_login(UserFactory(role=role))
    response = client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert response.status_code == 302
    answer = Answer.objects.get()
    assert answer.is_official == (role != "member")
    question.refresh_from_db()
    assert (question.status, question.answer_count) == ("answered", 1)


def test_a_visitor_cannot_answer(client):
    question = QuestionFactory()
    response = client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert response.status_code == 302 and reverse("login") in response.url
    assert Answer.objects.count() == 0


def test_an_account_without_a_role_cannot_answer(client):
    from tests.factories import UserFactory

    question = QuestionFactory()
    client.force_login(UserFactory())
    response = client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert response.status_code == 403 and Answer.objects.count() == 0


def test_a_closed_thread_takes_no_answers(client, member_user):
    question = QuestionFactory(status=Question.Status.CLOSED)
    client.force_login(member_user)
    client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert Answer.objects.count() == 0


def test_an_invalid_answer_comes_back_with_a_thai_message_next_to_the_field(client, member_user):
    question = QuestionFactory()
    client.force_login(member_user)
    response = client.post(
        reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data(body="")
    )
    assert response.status_code == 200
    assert "กรุณากรอกช่องนี้" in response.content.decode()


def _accept(client, answer):
    return client.post(
        reverse("qa_board:answer-accept", kwargs={"pk": answer.question_id, "answer_pk": answer.pk})
    )


def test_the_asker_accepts_an_answer(client):
    answer = AnswerFactory()
    client.force_login(answer.question.author)
    assert _accept(client, answer).status_code == 302
    answer.refresh_from_db()
    assert answer.is_accepted


def test_a_visitor_who_asked_accepts_from_the_same_browser(client):
    client.post(ASK, ask_data())
    answer = AnswerFactory(question=Question.objects.get())
    assert _accept(client, answer).status_code == 302
    answer.refresh_from_db()
    assert answer.is_accepted


@pytest.mark.parametrize(
    "role, allowed", [(None, False), ("member", False), ("mentor", False), ("staff", True), ("admin", True)]
)
def test_only_the_asker_or_staff_accept(client, role, allowed):
    from tests.factories import UserFactory

    answer = AnswerFactory()
    if role:
        client.force_login(UserFactory(role=role))
    response = _accept(client, answer)
    answer.refresh_from_db()
    assert answer.is_accepted == allowed
    assert response.status_code == (302 if allowed else 403)


def test_a_held_answer_cannot_be_accepted(client, staff_user):
    answer = AnswerFactory(held=True)
    client.force_login(staff_user)
    assert _accept(client, answer).status_code == 404


def test_my_questions_lists_the_members_own_questions_held_ones_included(client, member_user):
    QuestionFactory(author=member_user, title="ของฉันเอง")
    QuestionFactory(author=member_user, title="ของฉันที่รอตรวจ", held=True)
    QuestionFactory(title="ของคนอื่น")
    client.force_login(member_user)
    html = client.get(reverse("qa_board:my-questions")).content.decode()
    assert "ของฉันเอง" in html and "ของฉันที่รอตรวจ" in html and "ของคนอื่น" not in html


def test_my_questions_asks_visitors_to_sign_in(client):
    response = client.get(reverse("qa_board:my-questions"))
    assert response.status_code == 302 and reverse("login") in response.url


def test_every_form_carries_a_csrf_token(client, member_user):
    question = QuestionFactory()
    assert "csrfmiddlewaretoken" in client.get(ASK).content.decode()
    client.force_login(member_user)
    assert "csrfmiddlewaretoken" in client.get(detail(question)).content.decode()


def test_a_post_without_the_csrf_token_is_refused(member_user):
    from django.test import Client

    question = QuestionFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_user)
    response = client.post(reverse("qa_board:answer-create", kwargs={"pk": question.pk}), answer_data())
    assert response.status_code == 403 and Answer.objects.count() == 0


def test_the_menu_has_the_board(client):
    assert "กระดานถาม - ตอบ" in client.get(LIST).content.decode()


def test_the_home_page_shows_the_latest_answered_questions(client):
    QuestionFactory(title="ตอบแล้วบนหน้าแรก", answered=True)
    QuestionFactory(title="ยังไม่ตอบไม่ขึ้นหน้าแรก")
    html = client.get(reverse("programmes:home")).content.decode()
    assert "ตอบแล้วบนหน้าแรก" in html and "ยังไม่ตอบไม่ขึ้นหน้าแรก" not in html


def test_moderation_state_is_kept_on_the_question(client):
    client.post(ASK, ask_data())
    assert Question.objects.get().moderation == Moderation.PUBLISHED


@pytest.mark.parametrize("typed", ["220104 เกาะขวาง", "220104", "ต.ตะกาดเง้า"])
def test_the_tambon_is_found_by_its_code_or_its_unique_name(client, geography, typed):
    client.post(ASK, ask_data(subdistrict=typed))
    assert Question.objects.get().subdistrict.code in ("220104", "220313")


def test_an_unknown_tambon_gets_a_thai_message_and_keeps_the_rest(client, geography):
    response = client.post(ASK, ask_data(subdistrict="ไม่มีตำบลนี้"))
    assert response.status_code == 200
    assert "เลือกตำบลจากรายการ" in response.content.decode()
    assert "ขอแบบฟอร์มรายงานศักยภาพตำบล" in response.content.decode()


def test_a_visitor_is_offered_to_sign_in_or_sign_up_to_answer(client):
    question = QuestionFactory()
    html = client.get(detail(question)).content.decode()
    assert f'<a href="{reverse("login")}?next=' in html and "เข้าสู่ระบบ</a> หรือ" in html
    assert "สมัครสมาชิก</a> เพื่อตอบ" in html


@pytest.mark.parametrize("role", [None, "member", "mentor", "staff", "admin"])
def test_everyone_may_ask(client, role):
    from tests.factories import UserFactory

    if role:
        client.force_login(UserFactory(role=role))
    assert client.post(ASK, ask_data()).status_code == 302
    assert Question.objects.get().moderation == Moderation.PUBLISHED


def test_a_held_answer_is_shown_to_staff_and_its_writer_only(client, staff_user):
    from django.test import Client

    answer = AnswerFactory(held=True, body="คำตอบที่รอตรวจ")
    url = detail(answer.question)
    assert "คำตอบที่รอตรวจ" not in Client().get(url).content.decode()
    writer = Client()
    writer.force_login(answer.author)
    assert "คำตอบที่รอตรวจ" in writer.get(url).content.decode()
    client.force_login(staff_user)
    html = client.get(url).content.decode()
    assert "คำตอบที่รอตรวจ" in html and "อนุมัติ" in html
