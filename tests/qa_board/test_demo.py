"""load_demo fills the board: a dozen questions, some at the three tambons, answered by mentor and
staff, one accepted, one held for review; a second run changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from qa_board.models import Answer, Question

pytestmark = pytest.mark.django_db


def test_the_demo_board_has_what_the_issue_asks_for(geography):
    call_command("load_demo", stdout=StringIO())
    assert Question.objects.count() == 12
    assert set(Question.objects.exclude(subdistrict=None).values_list("subdistrict__code", flat=True)) == {
        "220104",
        "220313",
        "230304",
    }
    assert set(Answer.objects.filter(is_official=True).values_list("author__username", flat=True)) == {
        "mentor",
        "staff",
    }
    assert Answer.objects.filter(is_accepted=True).count() == 1
    assert Question.objects.filter(moderation="held").count() == 1
    answered = Question.objects.get(title__startswith="รายงานศักยภาพตำบลครั้งที่ 2")
    assert (answered.status, answered.answer_count) == ("answered", 1)
    # Asked over the past weeks and answered after being asked, not all at one minute.
    assert Question.objects.dates("created_at", "day").count() >= 10
    assert all(
        answer.created_at > answer.question.created_at for answer in Answer.objects.select_related("question")
    )
    assert answered.answered_at == answered.answers.get().created_at
    call_command("load_demo", stdout=StringIO())
    assert Question.objects.count() == 12 and Answer.objects.count() == 10
