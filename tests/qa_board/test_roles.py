"""The board's permissions reach the role groups after migrate, and admins edit the banned words."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from qa_board.models import BannedWord
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _perms(role):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.select_related("content_type")
    }


def test_every_role_may_ask_and_answer_and_only_staff_and_admins_moderate():
    for role in ("member", "mentor", "staff", "admin"):
        assert {"qa_board.add_question", "qa_board.add_answer"} <= _perms(role)
    assert "qa_board.moderate_question" in _perms("staff") and "qa_board.moderate_question" in _perms("admin")
    assert "qa_board.moderate_question" not in _perms("member") | _perms("mentor")
    assert "qa_board.add_bannedword" in _perms("admin") and "qa_board.add_bannedword" not in _perms("staff")


def test_an_admin_adds_a_banned_word_in_django_admin(client):
    admin = UserFactory(role="admin", is_staff=True)
    client.force_login(admin)
    response = client.post(reverse("admin:qa_board_bannedword_add"), {"word": "หวยออนไลน์"})
    assert response.status_code == 302
    assert BannedWord.objects.filter(word="หวยออนไลน์").exists()


def test_the_board_links_my_questions_for_members_and_the_queue_for_staff_only(
    client, staff_user, member_user
):
    client.force_login(member_user)
    html = client.get(reverse("qa_board:question-list")).content.decode()
    assert "รายการรอตรวจสอบ" not in html and "คำถามของฉัน" in html
    client.force_login(staff_user)
    assert "รายการรอตรวจสอบ" in client.get(reverse("qa_board:question-list")).content.decode()
