"""The moderation queue: staff and admins approve, hide, lock, delete or mark as spam, each
action logged with who, when and why; accounts whose posts keep being held can be blocked."""

import pytest
from django.core import mail
from django.urls import reverse

from qa_board.models import Answer, BlockedPoster, Moderation, ModerationLog, Question
from tests.factories import UserFactory

from .factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db

QUEUE = reverse("qa_board:moderation")


def moderate(client, post, action, reason="ตรวจแล้ว"):
    """An action as a moderator's button sends it; "delete" as its confirmation page's button."""
    kind = "question" if isinstance(post, Question) else "answer"
    if action == "delete":
        return client.post(delete_url(post), {"reason": reason, "confirm": "1"})
    return client.post(
        reverse("qa_board:moderate", kwargs={"kind": kind, "pk": post.pk, "action": action}),
        {"reason": reason},
    )


def delete_url(post):
    kind = "question" if isinstance(post, Question) else "answer"
    return reverse("qa_board:moderate-delete", kwargs={"kind": kind, "pk": post.pk})


@pytest.mark.parametrize(
    "role, allowed", [(None, False), ("member", False), ("mentor", False), ("staff", True), ("admin", True)]
)
def test_only_staff_and_admins_open_the_queue_and_the_log(client, role, allowed):
    if role:
        client.force_login(UserFactory(role=role))
    for url in (QUEUE, reverse("qa_board:moderation-log")):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200
        elif role:
            assert response.status_code == 403
        else:
            assert response.status_code == 302 and reverse("login") in response.url


@pytest.mark.parametrize("role", [None, "member", "mentor"])
@pytest.mark.parametrize("action", ["approve", "hide", "lock", "delete", "spam"])
def test_nobody_but_staff_can_moderate(client, role, action):
    question = QuestionFactory(held=True)
    if role:
        client.force_login(UserFactory(role=role))
    response = moderate(client, question, action)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse("login") in response.url
    question.refresh_from_db()
    assert question.moderation == Moderation.HELD and question.status == "open"
    assert ModerationLog.objects.count() == 0


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_approve_a_held_question_from_the_queue_and_the_log_shows_it(client, role):
    question = QuestionFactory(held=True, title="กระทู้ที่ถูกกักไว้")
    moderator = UserFactory(role=role, username=f"mod-{role}")
    client.force_login(moderator)
    assert "กระทู้ที่ถูกกักไว้" in client.get(QUEUE).content.decode()
    assert moderate(client, question, "approve", reason="ไม่ใช่สแปม").status_code == 302
    question.refresh_from_db()
    assert question.moderation == Moderation.PUBLISHED
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.actor, entry.question, entry.reason) == (
        "approve",
        moderator,
        question,
        "ไม่ใช่สแปม",
    )
    assert entry.created_at is not None
    log = client.get(reverse("qa_board:moderation-log")).content.decode()
    assert "กระทู้ที่ถูกกักไว้" in log and "อนุมัติ" in log and f"mod-{role}" in log and "ไม่ใช่สแปม" in log


def test_hiding_and_marking_as_spam_take_a_question_off_the_public_pages(client, staff_user):
    hidden, spam = QuestionFactory(), QuestionFactory()
    client.force_login(staff_user)
    moderate(client, hidden, "hide")
    moderate(client, spam, "spam")
    client.logout()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(spam.get_absolute_url()).status_code == 404


def test_locking_closes_the_thread_and_unlocking_reopens_it(client, staff_user):
    question = QuestionFactory()
    AnswerFactory(question=question)
    client.force_login(staff_user)
    moderate(client, question, "lock")
    question.refresh_from_db()
    assert question.status == "closed"
    moderate(client, question, "unlock")
    question.refresh_from_db()
    assert question.status == "answered"
    assert list(ModerationLog.objects.values_list("action", flat=True)) == ["unlock", "lock"]


def test_deleting_a_question_keeps_its_title_in_the_log(client, staff_user):
    question = QuestionFactory(title="กระทู้ที่จะลบ")
    client.force_login(staff_user)
    moderate(client, question, "delete", reason="ซ้ำ")
    assert not Question.objects.exists()
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.subject, entry.question) == ("delete", "กระทู้ที่จะลบ", None)


def test_approving_a_held_answer_publishes_it_updates_the_status_and_mails_the_asker(
    client, staff_user, django_capture_on_commit_callbacks
):
    question = QuestionFactory(visitor=True)
    answer = AnswerFactory(question=question, held=True)
    client.force_login(staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(client, answer, "approve")
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.moderation == Moderation.PUBLISHED
    assert (question.status, question.answer_count) == ("answered", 1)
    assert [message.to for message in mail.outbox] == [["somsri@example.org"]]


def test_hiding_the_accepted_answer_removes_the_mark_and_the_count(client, staff_user):
    answer = AnswerFactory(accepted=True)
    client.force_login(staff_user)
    moderate(client, answer, "hide")
    answer.refresh_from_db()
    assert (answer.moderation, answer.is_accepted) == ("hidden", False)
    answer.question.refresh_from_db()
    assert (answer.question.status, answer.question.answer_count) == ("open", 0)


def test_deleting_an_answer_is_logged_with_its_first_words(client, staff_user):
    answer = AnswerFactory(body="คำตอบที่ไม่เหมาะสม")
    client.force_login(staff_user)
    moderate(client, answer, "delete")
    assert not Answer.objects.exists()
    assert ModerationLog.objects.get().subject == "คำตอบที่ไม่เหมาะสม"


def test_the_queues_delete_button_asks_for_confirmation_first_and_keeps_the_typed_reason(client, staff_user):
    question = QuestionFactory(held=True, title="กระทู้ที่อาจลบ")
    AnswerFactory(question=question)
    client.force_login(staff_user)
    queue = client.get(QUEUE).content.decode()
    assert f'formaction="{delete_url(question)}"' in queue
    # The button's own POST (no confirm) only shows what would go, and asks.
    response = client.post(delete_url(question), {"reason": "โฆษณา", "next": QUEUE})
    page = response.content.decode()
    assert response.status_code == 200 and Question.objects.filter(pk=question.pk).exists()
    assert "ลบกระทู้นี้หรือไม่" in page and "กระทู้ที่อาจลบ" in page and "คำตอบ 1 รายการ" in page
    assert 'value="โฆษณา"' in page and 'name="confirm"' in page
    assert not ModerationLog.objects.exists()


def test_confirming_a_delete_without_a_reason_deletes_nothing_and_says_so_in_thai(client, staff_user):
    answer = AnswerFactory()
    client.force_login(staff_user)
    response = client.post(delete_url(answer), {"reason": " ", "confirm": "1"})
    assert response.status_code == 200
    assert "กรุณากรอกช่องนี้" in response.content.decode()
    assert Answer.objects.filter(pk=answer.pk).exists() and not ModerationLog.objects.exists()


def test_a_confirmed_delete_is_logged_with_its_reason_and_returns_to_the_queue(client, staff_user):
    question = QuestionFactory(title="กระทู้ซ้ำ")
    client.force_login(staff_user)
    response = client.post(
        delete_url(question), {"reason": "ซ้ำกับกระทู้อื่น", "confirm": "1", "next": question.get_absolute_url()}
    )
    assert response.status_code == 302 and response.url == QUEUE
    assert not Question.objects.exists()
    entry = ModerationLog.objects.get()
    assert (entry.action, entry.actor, entry.reason) == ("delete", staff_user, "ซ้ำกับกระทู้อื่น")


def test_a_delete_sent_like_any_other_action_only_gets_the_confirmation_page(client, staff_user):
    question = QuestionFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("qa_board:moderate", args=["question", question.pk, "delete"]), {"reason": "x"}
    )
    assert response.status_code == 200 and "ลบกระทู้นี้หรือไม่" in response.content.decode()
    assert Question.objects.filter(pk=question.pk).exists() and not ModerationLog.objects.exists()


@pytest.mark.parametrize("role", [None, "member", "mentor"])
def test_nobody_but_staff_sees_the_delete_confirmation(client, role):
    question = QuestionFactory()
    if role:
        client.force_login(UserFactory(role=role))
    for response in (client.get(delete_url(question)), client.post(delete_url(question), {"reason": "x"})):
        assert response.status_code in (302, 403)
        assert "ลบกระทู้นี้หรือไม่" not in response.content.decode()


def test_moderators_see_only_the_buttons_that_change_something(client, staff_user):
    client.force_login(staff_user)
    held = QuestionFactory(held=True)
    queue = client.get(QUEUE).content.decode()
    assert reverse("qa_board:moderate", args=["question", held.pk, "approve"]) in queue
    assert reverse("qa_board:moderate", args=["question", held.pk, "unlock"]) not in queue
    published = QuestionFactory()
    thread = client.get(published.get_absolute_url()).content.decode()
    assert reverse("qa_board:moderate", args=["question", published.pk, "approve"]) not in thread
    assert reverse("qa_board:moderate", args=["question", published.pk, "lock"]) in thread
    assert reverse("qa_board:moderate", args=["question", published.pk, "unlock"]) not in thread


def test_an_unknown_action_changes_nothing(client, staff_user):
    question = QuestionFactory(held=True)
    client.force_login(staff_user)
    moderate(client, question, "promote")
    question.refresh_from_db()
    assert question.moderation == Moderation.HELD and not ModerationLog.objects.exists()


def test_the_queue_offers_to_block_an_account_whose_posts_keep_being_held(client, staff_user):
    member = UserFactory(role="member", username="spammy")
    QuestionFactory.create_batch(3, author=member, held=True)
    client.force_login(staff_user)
    html = client.get(QUEUE).content.decode()
    assert "ระงับบัญชี" in html and "spammy" in html
    response = client.post(
        reverse("qa_board:block-poster", kwargs={"user_pk": member.pk}), {"reason": "สแปมซ้ำ"}
    )
    assert response.status_code == 302
    block = BlockedPoster.objects.get()
    assert (block.user, block.blocked_by, block.reason) == (member, staff_user, "สแปมซ้ำ")
    assert ModerationLog.objects.get().action == "block"


def test_blocking_needs_a_reason(client, staff_user, member_user):
    client.force_login(staff_user)
    client.post(reverse("qa_board:block-poster", kwargs={"user_pk": member_user.pk}), {"reason": ""})
    assert not BlockedPoster.objects.exists()


@pytest.mark.parametrize("role", [None, "member", "mentor"])
def test_nobody_but_staff_can_block(client, role, member_user):
    if role:
        client.force_login(UserFactory(role=role))
    client.post(reverse("qa_board:block-poster", kwargs={"user_pk": member_user.pk}), {"reason": "x"})
    assert not BlockedPoster.objects.exists()


def test_staff_unblock_an_account(client, staff_user, member_user):
    from qa_board.services.moderation import poster_block

    poster_block(user=member_user, actor=staff_user, reason="x")
    client.force_login(staff_user)
    client.post(reverse("qa_board:block-poster", kwargs={"user_pk": member_user.pk}), {"unblock": "1"})
    assert not BlockedPoster.objects.exists()
    assert ModerationLog.objects.first().action == "unblock"


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example/", "javascript:alert(1)"]
)
def test_a_moderation_redirect_never_leaves_the_site(client, staff_user, target):
    question = QuestionFactory(held=True)
    client.force_login(staff_user)
    response = client.post(
        reverse("qa_board:moderate", kwargs={"kind": "question", "pk": question.pk, "action": "approve"}),
        {"next": target},
    )
    assert response.url == QUEUE
