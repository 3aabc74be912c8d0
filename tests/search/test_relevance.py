"""The relevance set: Thai queries written from the seeds' own text and the demo data, each with
the results that must come first (by title, as a visitor sees them). The suite reports recall@5
(the share of must-come-first results that are in the first five) and MRR (the mean of 1 / the
rank of the first of them), and pins both.

Run it alone to see the figures: `pytest tests/search/test_relevance.py -q -s`."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from chsd_portal.search.models import SearchDocument
from chsd_portal.search.registry import sources
from tests.key_pages import load_demo
from tests.search.factories import found_titles

pytestmark = pytest.mark.django_db

KOH_KHWANG, TAKAT_NGAO, THA_SOM = "ตำบลเกาะขวาง", "ตำบลตะกาดเง้า", "ตำบลท่าโสม"
SEED_PROJECT = "60-ข-087 โครงการสนับสนุนการปฏิรูประบบสร้างเสริมสุขภาพ เขต 11 สุราษฎร์ธานี"
VOLUNTEER_PROJECT = "61-ค-003 โครงการอาสาสมัครเฝ้าระวังสุขภาพชุมชนตำบลท่าโสม"
PROGRAMME = "โครงการพัฒนาระบบสุขภาพชุมชนโดยชุมชนเพื่อชุมชน"
BOARD = "กระดานถาม - ตอบ · "
TOPICS = [
    BOARD + topic
    for topic in (
        "กองทุนหลักประกันสุขภาพตำบล",
        "อาสาสมัครสาธารณสุข (อสม.)",
        "รายงานศักยภาพตำบล",
        "ประชุมกับพื้นที่",
        "งบประมาณและการเบิกจ่าย",
        "การดูแลผู้สูงอายุและผู้ป่วยเรื้อรัง",
    )
]
PLANS = [
    "แผนการดำเนินกิจกรรม กรอบที่ 1 การสร้างกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน",
    "แผนการดำเนินกิจกรรม กรอบที่ 2 การวิจัยและพัฒนาชุดความรู้ในการพัฒนาระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน",
    "แผนการดำเนินกิจกรรม กรอบที่ 3 การพัฒนาสมรรถนะขององค์กรหลักในระดับตำบล",
    "แผนการดำเนินกิจกรรม กรอบที่ 4 การถอดบทเรียน การพัฒนาศูนย์การเรียนรู้ และการจัดทำข้อเสนอเชิงนโยบาย",
]
# Every demo document with พี่เลี้ยง in it: the first five must all be among them.
WITH_MENTOR = [
    # The meeting articles of seed 002 and its related list (two spelled พี่เลียง, as the seed has them).
    "ประชุมทีมพี่เลี้ยง",
    "ประชุมทีมพี่เลียงภาคกลาง",
    "ประชุมทีมพี่เลียงภาคตะวันออกเฉียงเหนือและเตรียมงานพื้นที่ต้นแบบ",
    *PLANS,
    PROGRAMME,
    "เกาะขวาง: ปฏิบัติการที่ 1",
    "อสม. ต้องบันทึกข้อมูลผู้สูงอายุติดเตียงอย่างไร",
    "ขอตัวอย่างแผนสุขภาพตำบลแบบมีส่วนร่วม",
]

# query -> titles that must come first (any order among them; as many as fit within the first five).
RELEVANCE = {
    # The "Done when" words.
    "อาสาสมัคร": [VOLUNTEER_PROJECT],
    "ท่าโสม": [THA_SOM],
    "60-ข-087": [SEED_PROJECT],
    "พี่เลี้ยง": WITH_MENTOR,
    "งบประมาณ": [BOARD + "งบประมาณและการเบิกจ่าย"],
    "กระดานถาม-ตอบ": TOPICS,
    # Spelling variants found in the seeds, digits, spacing, codes written otherwise.
    "พี่เลียง": WITH_MENTOR,
    "กระดานถาม - ตอบ": TOPICS,
    "60ข087": [SEED_PROJECT],
    "๖๐-ข-๐๘๗": [SEED_PROJECT],
    "61-ค-003": [VOLUNTEER_PROJECT],
    "๒๕๖๐": [SEED_PROJECT],
    "1 ธันวาคม 2560": [SEED_PROJECT],
    # Places.
    "เกาะขวาง": [KOH_KHWANG],
    "ตะกาดเง้า": [TAKAT_NGAO],
    "สุราษฎร์ธานี": [SEED_PROJECT],
    "เขาสมิง": [THA_SOM, "รายงานศักยภาพตำบลท่าโสม ครั้งที่ 1"],
    "ท่าใหม่ จันทบุรี": [TAKAT_NGAO, "รายงานศักยภาพตำบลตะกาดเง้า ครั้งที่ 1"],
    # The programme (seed 000): its name, frameworks, indicators, outcomes.
    PROGRAMME: [PROGRAMME],
    "ระบบการพัฒนาอาสาสมัคร": [PROGRAMME],
    "ระบบการเฝ้าระวังและควบคุมโรคท้องถิ่น": [PROGRAMME],
    "กรอบที่ 3": ["กรอบที่ 3 การพัฒนาสมรรถนะขององค์กรหลักในระดับตำบล"],
    "สมรรถนะขององค์กรหลัก": ["กรอบที่ 3 การพัฒนาสมรรถนะขององค์กรหลักในระดับตำบล"],
    "ถอดบทเรียน": ["กรอบที่ 4 การถอดบทเรียน การพัฒนาศูนย์การเรียนรู้ และการจัดทำข้อเสนอเชิงนโยบาย"],
    "ชุดความรู้": ["กรอบที่ 2 การวิจัยและพัฒนาชุดความรู้ในการพัฒนาระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน"],
    "78 แห่ง": [
        "เกิดกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชนที่มีการจัดสรรภารกิจและบทบาทหน้าที่ของ องค์กรหลักในการทำงานร่วมกัน จำนวน 78 แห่ง"
    ],
    "44 แห่ง": ["เกิดพื้นที่ที่เป็นศูนย์การเรียนรู้และชุดความรู้ในการดำเนินงานระบบสุขภาพชุมชน จำนวน 44 แห่ง (สถาบัน ละ 4 แห่ง)"],
    "แผนการดำเนินกิจกรรม กรอบที่ 1": [
        "แผนการดำเนินกิจกรรม กรอบที่ 1 การสร้างกลไกและระบบการดูแลสุขภาพกลุ่มประชากรสำคัญในชุมชน"
    ],
    "วิทยาลัยพยาบาลพระปกเกล้า": PLANS,
    # Projects (seed 001 and the demo's).
    "ปฏิรูประบบสร้างเสริมสุขภาพ": [SEED_PROJECT],
    "สงขลานครินทร์": [SEED_PROJECT],
    "สมัชชาสุขภาพ": ["62-ค-005 โครงการสมัชชาสุขภาพจังหวัดจันทบุรี"],
    "ระบบข้อมูลสุขภาพ": ["61-ค-001 โครงการพัฒนาระบบข้อมูลสุขภาพชุมชนตำบลเกาะขวาง"],
    "ลดโรคเรื้อรัง": ["61-ค-002 โครงการกองทุนสุขภาพตำบลตะกาดเง้า ร่วมใจลดโรคเรื้อรัง"],
    "ผู้สูงอายุโดยชุมชน": ["61-ค-004 โครงการส่งเสริมสุขภาพผู้สูงอายุโดยชุมชน จังหวัดจันทบุรี"],
    # Sites, capacity reports, workshops.
    "ทุเรียน": [KOH_KHWANG],
    "ยางพารา": [THA_SOM],
    "รายงานศักยภาพตำบลตะกาดเง้า": ["รายงานศักยภาพตำบลตะกาดเง้า ครั้งที่ 1"],
    "รายงานศักยภาพ เกาะขวาง": ["รายงานศักยภาพตำบลเกาะขวาง ครั้งที่ 1"],
    "ตะกาดเง้า ปฏิบัติการที่ 2": ["ตะกาดเง้า: ปฏิบัติการที่ 2"],
    "มัสยิด": ["ท่าโสม: ปฏิบัติการที่ 2"],
    "ศาลาการเปรียญ": ["เกาะขวาง: ปฏิบัติการที่ 3"],
    "นิทาน": ["ท่าโสม: ปฏิบัติการที่ 3"],
    "แรงงานข้ามชาติ": [TAKAT_NGAO, "ตะกาดเง้า: ปฏิบัติการที่ 3", "รายงานศักยภาพตำบลตะกาดเง้า ครั้งที่ 1"],
    "ทุนทางสังคม": ["ตะกาดเง้า: ปฏิบัติการที่ 1"],
    # The Q&A board.
    "ไข้เลือดออก": ["ระบบเฝ้าระวังไข้เลือดออกในชุมชนเริ่มจากอะไรดี"],
    "เครื่องวัดความดัน": ["กองทุนสุขภาพตำบลซื้อเครื่องวัดความดันให้ อสม. ได้หรือไม่"],
    "ผู้สูงอายุติดเตียง": ["อสม. ต้องบันทึกข้อมูลผู้สูงอายุติดเตียงอย่างไร"],
    "อสม ใหม่": ["อสม. ใหม่ต้องอบรมอะไรบ้างก่อนลงพื้นที่"],
    "ส่งรูปกิจกรรม": ["ส่งรูปกิจกรรมให้แผนงานได้ทางไหน"],
    "พื้นที่เป้าหมาย": ["ตำบลที่ไม่ได้เป็นพื้นที่เป้าหมายเข้าร่วมแผนงานได้ไหม"],
    "แผนสุขภาพตำบลแบบมีส่วนร่วม": ["ขอตัวอย่างแผนสุขภาพตำบลแบบมีส่วนร่วม"],
    "งบงวดที่ 2": ["งบงวดที่ 2 ของโครงการยังไม่เข้า ต้องทำอย่างไร"],
    "กองทุนผู้สูงอายุ": ["กองทุนผู้สูงอายุกับกองทุนสุขภาพตำบลต่างกันอย่างไร"],
}

RECALL_AT_5 = 0.95
MRR = 0.95


def measure() -> tuple[float, float, list[str]]:
    recalls, reciprocal_ranks, misses, later = [], [], [], []
    for query, expected in RELEVANCE.items():
        titles = found_titles(query)
        top = titles[:5]
        hits = sum(title in top for title in expected)
        recalls.append(hits / min(len(expected), 5))
        ranks = [titles.index(title) + 1 for title in expected if title in titles]
        reciprocal_ranks.append(1 / min(ranks) if ranks else 0.0)
        if hits < min(len(expected), 5):
            misses.append(f"{query}: expected {expected}, first five {top}")
        elif min(ranks) > 1:
            later.append(f"{query}: first at {min(ranks)}, before it {titles[: min(ranks) - 1]}")
    return sum(recalls) / len(recalls), sum(reciprocal_ranks) / len(reciprocal_ranks), misses, later


def test_relevance_set_recall_at_5_and_mrr_on_the_demo_data():
    load_demo()
    assert len(RELEVANCE) >= 40
    recall, mrr, misses, later = measure()
    print(f"\nsearch relevance: {len(RELEVANCE)} queries, recall@5 {recall:.3f}, MRR {mrr:.3f}")
    for miss in misses:
        print("  miss:", miss)
    for item in later:
        print("  later:", item)
    assert recall >= RECALL_AT_5, misses
    assert mrr >= MRR, misses


def test_no_private_field_of_any_source_reaches_the_index():
    """Workshop participants' names and phones, e-mails, addresses: never in a document."""
    load_demo()
    from django.apps import apps

    from meetings.models import Participant, Workshop

    # The demo has no named participants: add some, with a phone, to a published workshop.
    workshop = Workshop.objects.published().first()
    Participant.objects.create(
        workshop=workshop, name="นางสาวทดสอบ ไม่ควรพบ", organisation_type="volunteers", phone="089-765-4321"
    )
    workshop.save()  # indexed again, as a save from the editor would
    checked = 0
    texts = [" ".join(row) for row in SearchDocument.objects.values_list("title", "body")]
    for source in sources():
        for dotted in source.private_fields:
            app_label, model_name, field = dotted.split(".")
            model = apps.get_model(app_label, model_name)
            for value in model._default_manager.exclude(**{f"{field}__isnull": True}).values_list(
                field, flat=True
            ):
                value = str(value or "").strip()
                if len(value) < 4:
                    continue
                checked += 1
                assert not any(value in text for text in texts), (dotted, value)
    assert checked >= 2
    assert not found_titles("ไม่ควรพบ") and not found_titles("0897654321")
    staff = get_user_model().objects.get(username="staff")
    assert not found_titles("ไม่ควรพบ", staff)
