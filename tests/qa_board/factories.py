"""factory_boy factories for the board, and the form data a person would send.

Variants are traits:
- `QuestionFactory(visitor=True)`: asked by a visitor with a display name and an e-mail.
- `QuestionFactory(held=True)` / `AnswerFactory(held=True)`: held for review by a spam rule.
- `QuestionFactory(answered=True)`: status ตอบแล้ว with one answer counted.
- `AnswerFactory(official=True)`, `AnswerFactory(accepted=True)`.

`bulk_board(questions=20_000, answers=50_000)`: a big board, fast (bulk_create), for scale tests.
"""

import random
import time
from collections import Counter

import factory
from django.db.models import Count, Max, OuterRef, Subquery
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


# Words of the programme's work, for bulk data: a text holds a few of them, so a search for one
# word matches a small share of the board, as on a real one.
BULK_WORDS = [
    "กองทุนสุขภาพตำบล", "อสม.", "ผู้สูงอายุ", "ติดเตียง", "งบประมาณ", "งวดที่ 2", "แบบฟอร์ม", "รายงานศักยภาพ",
    "ประชุมกับพื้นที่", "เยี่ยมบ้าน", "แผนสุขภาพ", "รพ.สต.", "อบต.", "ความดันโลหิตสูง", "เบาหวาน", "วัคซีน",
    "โภชนาการ", "เด็กปฐมวัย", "หญิงตั้งครรภ์", "ศูนย์พัฒนาเด็กเล็ก", "ชมรมผู้สูงอายุ", "การออกกำลังกาย", "ขยะ",
    "น้ำดื่มสะอาด", "ยาเสพติด", "สุขภาพจิต", "การคัดกรอง", "ผู้พิการ", "การเบิกจ่าย", "ใบเสร็จ", "คณะกรรมการ",
    "ประชาคมหมู่บ้าน", "ธรรมนูญสุขภาพ", "อาหารปลอดภัย", "ผักปลอดสาร", "บุหรี่", "สุรา", "อุบัติเหตุ", "หมวกกันน็อก",
    "จิตอาสา", "การส่งต่อผู้ป่วย", "ข้อมูลครัวเรือน", "แผนที่ชุมชน", "ภูมิปัญญา", "สมุนไพร", "ทันตสุขภาพ",
]  # fmt: skip
RARE_WORD = "ไข้เลือดออก"  # in one question of 400


def bulk_board(*, questions: int, answers: int, seed: int = 20261201) -> list[Question]:
    """`questions` published questions and `answers` answers spread over them, made with
    bulk_create (seconds, not minutes); the counters and statuses are set as services/ keeps them."""
    rng = random.Random(seed)
    topic = TopicFactory()
    made = Question.objects.bulk_create(
        [
            Question(
                title="ถามเรื่อง" + "".join(rng.sample(BULK_WORDS, 2)) + f" ข้อ {n}",
                body=" ".join(rng.sample(BULK_WORDS, 6))
                + (f" {RARE_WORD}" if n % 400 == 0 else "")
                + " ช่วยแนะนำด้วยค่ะ",
                display_name=f"ผู้ถาม {n}",
                topic=topic if n % 2 else None,
                view_count=n % 500,
            )
            for n in range(questions)
        ],
        batch_size=5000,
    )
    counts = Counter(rng.randrange(questions) for _ in range(answers))
    Answer.objects.bulk_create(
        [
            Answer(question=made[index], body=f"คำตอบ {index}-{k}: " + " ".join(rng.sample(BULK_WORDS, 4)))
            for index, count in counts.items()
            for k in range(count)
        ],
        batch_size=5000,
    )
    # One UPDATE for all, as question_refresh() derives them for one question.
    of_question = Answer.objects.filter(question=OuterRef("pk")).order_by().values("question")
    Question.objects.filter(pk__in=[made[index].pk for index in counts]).update(
        answer_count=Subquery(of_question.annotate(n=Count("pk")).values("n")),
        answered_at=Subquery(of_question.annotate(at=Max("created_at")).values("at")),
        status=Question.Status.ANSWERED,
    )
    for index, question in enumerate(made):
        question.answer_count = counts[index]
    return made
