"""factory_boy factories for the board, and the form data a person would send.

Variants are traits:
- `QuestionFactory(visitor=True)`: asked by a visitor with a display name and an e-mail.
- `QuestionFactory(held=True)` / `AnswerFactory(held=True)`: held for review by a spam rule.
- `QuestionFactory(answered=True)`: status ตอบแล้ว with one answer counted.
- `AnswerFactory(official=True)`, `AnswerFactory(accepted=True)`.
"""

import time

import factory
from django.utils import timezone

from qa_board.forms.antispam import started_token
from qa_board.models import Answer, BannedWord, Moderation, Question, Topic
from tests.factories import UserFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"หัวข้อ {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    class Params:
        visitor = factory.Trait(author=None, display_name="ป้าสมศรี", email="somsri@example.org")
        held = factory.Trait(moderation=Moderation.HELD, hold_reasons=["rate_limit"])
        answered = factory.Trait(
            status=Question.Status.ANSWERED, answer_count=1, answered_at=factory.LazyFunction(timezone.now)
        )

    title = factory.Sequence(lambda n: f"กองทุนสุขภาพตำบลใช้จ่ายอะไรได้บ้าง ข้อ {n}")
    body = "อยากทราบว่ากองทุนหลักประกันสุขภาพระดับตำบลใช้ซื้ออุปกรณ์ให้ อสม. ได้หรือไม่"
    author = factory.SubFactory(UserFactory, role="member")
    display_name = ""
    moderation = Moderation.PUBLISHED


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    class Params:
        held = factory.Trait(moderation=Moderation.HELD, hold_reasons=["links"])
        official = factory.Trait(is_official=True, author=factory.SubFactory(UserFactory, role="mentor"))
        accepted = factory.Trait(is_accepted=True)

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(UserFactory, role="member")
    body = "ใช้ได้ครับ ตามประกาศกองทุนฯ ข้อ 10"
    moderation = Moderation.PUBLISHED


class BannedWordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BannedWord
        django_get_or_create = ("word",)

    word = "คาสิโนออนไลน์"


def ask_data(**overrides) -> dict:
    """What the ask form sends when a person fills it in (the form was shown a minute ago)."""
    data = {
        "title": "ขอแบบฟอร์มรายงานศักยภาพตำบล",
        "body": "จะส่งรายงานศักยภาพตำบลครั้งที่ 2 ต้องใช้แบบฟอร์มไหนคะ",
        "topic": "",
        "subdistrict": "",
        "display_name": "ป้าสมศรี",
        "email": "",
        "website": "",
        "started": started_token(time.time() - 60),
    }
    data.update(overrides)
    return data


def answer_data(**overrides) -> dict:
    data = {"body": "ใช้แบบฟอร์มเดิมได้เลยครับ", "website": "", "started": started_token(time.time() - 60)}
    data.update(overrides)
    return data
