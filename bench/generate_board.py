"""Generate the Q&A board's share of the benchmark's data set: 20,000 questions and 50,000
answers, some at sub-districts and under topics, most answered, a few held for review.

Run through `bench/run.py` (it points Django at the separate `chsd_bench` database).
"""

import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chsd_portal.settings.prod")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from qa_board.models import Answer, Question, Topic  # noqa: E402
from qa_board.services.spam import content_hash  # noqa: E402
from sites.models import Subdistrict  # noqa: E402

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "20000"))
ANSWERS = int(os.environ.get("BENCH_ANSWERS", "50000"))
WORDS = [
    "กองทุนสุขภาพตำบล", "อสม.", "ผู้สูงอายุ", "ติดเตียง", "งบประมาณ", "งวดที่ 2", "แบบฟอร์ม",
    "รายงานศักยภาพ", "ประชุมกับพื้นที่", "ไข้เลือดออก", "เยี่ยมบ้าน", "แผนสุขภาพ", "รพ.สต.", "อบต.",
]  # fmt: skip


def main() -> None:
    if Question.objects.count() >= QUESTIONS:
        print(f"board data present: {Question.objects.count():,} questions")
        return
    rng = random.Random(20261201)
    subdistricts = list(Subdistrict.objects.values_list("id", flat=True)[:500])
    now = timezone.now()
    with transaction.atomic():
        topics = [
            Topic.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"หมวดทดสอบ {n}"})[0]
            for n in range(6)
        ]
        questions = []
        for n in range(QUESTIONS):
            title = "ถามเรื่อง" + "".join(rng.sample(WORDS, 3)) + f" ข้อ {n}"
            body = " ".join(rng.sample(WORDS, 8)) + " ช่วยแนะนำด้วยค่ะ\nขอบคุณค่ะ"
            questions.append(
                Question(
                    title=title,
                    body=body,
                    display_name=f"ผู้ถาม {n}",
                    topic=rng.choice(topics) if rng.random() < 0.7 else None,
                    subdistrict_id=rng.choice(subdistricts) if rng.random() < 0.4 else None,
                    moderation="held" if rng.random() < 0.02 else "published",
                    view_count=rng.randrange(0, 500),
                    content_hash=content_hash(title, body),
                )
            )
        Question.objects.bulk_create(questions, batch_size=5000)
        answers, counts = [], {}
        for n in range(ANSWERS):
            question = rng.choice(questions)
            counts[question.pk] = counts.get(question.pk, 0) + 1
            answers.append(
                Answer(
                    question=question,
                    body=f"คำตอบที่ {n}: " + " ".join(rng.sample(WORDS, 6)),
                    is_official=n % 3 == 0,
                )
            )
        Answer.objects.bulk_create(answers, batch_size=5000)
        for question in questions:
            if question.pk in counts:
                question.answer_count, question.status, question.answered_at = (
                    counts[question.pk],
                    "answered",
                    now,
                )
        Question.objects.bulk_update(questions, ["answer_count", "status", "answered_at"], batch_size=5000)
    print(f"generated {len(questions):,} questions, {len(answers):,} answers")


if __name__ == "__main__":
    main()
