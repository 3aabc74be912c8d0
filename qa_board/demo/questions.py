"""Demo questions, read from demo/questions.json: a dozen questions about the programme's work,
some tied to its three tambons, answered by `mentor` and `staff`, one accepted, one held."""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils import timezone

from sites.models import Subdistrict

from ..models import Answer, Moderation, Question, Topic
from ..services.questions import question_refresh
from ..services.spam import content_hash

DATA = Path(__file__).with_name("questions.json")
# The demo's questions were asked over the past weeks, the file's last one most recently, and
# answered some hours later, so the board reads like a living one (not all at one minute).
DAYS_BETWEEN_QUESTIONS = 2.5
HOURS_TO_AN_ANSWER = 2


def load_demo_questions(*, password: str, stdout=None) -> None:
    """Idempotent: a question whose title exists is left as it is."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    topics = {}
    for position, topic in enumerate(data["topics"]):
        topics[topic["slug"]], _created = Topic.objects.get_or_create(
            slug=topic["slug"], defaults={"name": topic["name"], "position": position}
        )
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=["mentor", "staff", "member", "admin"])
    }
    codes = {row.get("tambon") for row in data["questions"]} - {None}
    tambons = {s.code: s for s in Subdistrict.objects.filter(code__in=codes)}
    existing = set(
        Question.objects.filter(title__in=[row["title"] for row in data["questions"]]).values_list(
            "title", flat=True
        )
    )
    today = timezone.localtime()
    for index, row in enumerate(data["questions"]):
        if row["title"] in existing:
            continue
        days_ago = round(DAYS_BETWEEN_QUESTIONS * (len(data["questions"]) - index))
        # In the day, Bangkok time: people write between 8 in the morning and 3 in the afternoon.
        asked_at = (today - timedelta(days=days_ago)).replace(hour=8 + index % 8, minute=index * 7 % 60)
        question = Question.objects.create(
            title=row["title"],
            body=row["body"],
            topic=topics.get(row.get("topic")),
            subdistrict=tambons.get(row.get("tambon")),
            author=users.get(row.get("author")),
            display_name="" if row.get("author") in users else row.get("display_name", "ผู้เยี่ยมชม"),
            moderation=Moderation.HELD if row.get("held") else Moderation.PUBLISHED,
            hold_reasons=row.get("hold_reasons", []),
            content_hash=content_hash(row["title"], row["body"]),
        )
        Question.objects.filter(pk=question.pk).update(
            view_count=F("view_count") + row.get("views", 0), created_at=asked_at
        )
        for number, answer in enumerate(row.get("answers", []), start=1):
            author = users.get(answer["author"])
            created = Answer.objects.create(
                question=question,
                author=author,
                body=answer["body"],
                is_official=answer["author"] in ("mentor", "staff", "admin"),
                is_accepted=answer.get("accepted", False),
                content_hash=content_hash(answer["body"]),
            )
            Answer.objects.filter(pk=created.pk).update(
                created_at=asked_at + timedelta(hours=HOURS_TO_AN_ANSWER * number)
            )
        question_refresh(question_id=question.pk)
    if stdout is not None:
        stdout.write(f"demo: {Question.objects.count()} questions on the board")
