"""The index follows every save and delete at once (signals, and registry.changed where an app
writes with UPDATE), keeps who may find what, and `rebuild_search_index` builds it again."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from chsd_portal.search import text
from chsd_portal.search.models import SearchDocument
from chsd_portal.search.registry import sources
from meetings.models import Participant
from programmes.models import Project
from qa_board.models import Moderation
from qa_board.services.moderation import answer_moderate, question_moderate
from tests.factories import UserFactory
from tests.meetings.factories import ParticipantFactory, WorkshopFactory
from tests.programmes.factories import ProjectFactory, ProjectObjectiveFactory, bulk_projects
from tests.qa_board.factories import AnswerFactory, QuestionFactory
from tests.search.factories import found_titles, indexed
from tests.sites.factories import CapacityReportFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_normalising_makes_digits_tone_marks_and_hyphen_spacing_count_alike():
    assert text.normalise("๒๕๖๔") == "2564"
    assert text.normalise("กระดานถาม - ตอบ") == text.normalise("กระดานถาม-ตอบ")
    assert text.compact("พี่เลี้ยง") == text.compact("พี่เลียง")
    assert text.compact("60-ข-087") == text.compact("60 ข 087") == "60ข087"
    assert text.words("ระบบการพัฒนาอาสาสมัครระบบการเฝ้าระวัง")[:3] == ["ระบบ", "การพัฒนา", "อาสาสมัคร"]


def test_a_query_finds_exactly_the_texts_that_contain_it():
    indexed(1, "ระบบการพัฒนาอาสาสมัครระบบการเฝ้าระวังและควบคุมโรคท้องถิ่น")
    indexed(2, "อาสาพัฒนา สมัครใจ")  # the letters, not the word
    indexed(3, "ปี ๒๕๖๔", "รายงานประจำปี")
    indexed(4, "Community Health", "CHSD portal")
    assert found_titles("อาสาสมัคร") == ["ระบบการพัฒนาอาสาสมัครระบบการเฝ้าระวังและควบคุมโรคท้องถิ่น"]
    assert found_titles("ควบคุมโรค") == found_titles("อาสาสมัคร")
    assert found_titles("2564") == ["ปี ๒๕๖๔"]
    assert found_titles("chsd") == ["Community Health"] == found_titles("health")
    assert found_titles("ส") != [] and found_titles("zzz") == []


def test_title_matches_come_before_body_matches_and_newer_before_older():
    import datetime as dt

    indexed(1, "รายงานการประชุม", "เรื่องกองทุนสุขภาพ", date=dt.date(2024, 1, 1))
    indexed(2, "กองทุนสุขภาพตำบล", "รายงาน", date=dt.date(2018, 1, 1))
    indexed(3, "บันทึกการประชุม", "เรื่องกองทุนสุขภาพ", date=dt.date(2025, 1, 1))
    assert found_titles("กองทุนสุขภาพ") == ["กองทุนสุขภาพตำบล", "บันทึกการประชุม", "รายงานการประชุม"]


def test_a_project_is_indexed_on_save_changed_with_its_lists_and_removed_on_delete():
    project = ProjectFactory(name="โครงการนิทานพื้นบ้าน", code="63-ก-001")
    assert found_titles("นิทานพื้นบ้าน") == ["63-ก-001 โครงการนิทานพื้นบ้าน"]
    ProjectObjectiveFactory(project=project, objective="ลดภาวะทุพโภชนาการในเด็ก")
    assert found_titles("ทุพโภชนาการ") == ["63-ก-001 โครงการนิทานพื้นบ้าน"]
    project.name = "โครงการเล่านิทาน"
    project.save()
    assert found_titles("นิทานพื้นบ้าน") == [] and found_titles("เล่านิทาน") == ["63-ก-001 โครงการเล่านิทาน"]
    project.delete()
    assert found_titles("เล่านิทาน") == [] and found_titles("ทุพโภชนาการ") == []


def test_a_draft_project_is_found_by_staff_and_its_mentor_only(staff_user, mentor_user, member_user):
    other_mentor = UserFactory(username="mentor9", role="mentor")
    ProjectFactory(name="โครงการลับเฉพาะ", code="63-ก-002", status=Project.Status.DRAFT, mentor=mentor_user)
    title = "63-ก-002 โครงการลับเฉพาะ"
    assert found_titles("ลับเฉพาะ") == []
    assert found_titles("ลับเฉพาะ", member_user) == []
    assert found_titles("ลับเฉพาะ", other_mentor) == []
    assert found_titles("ลับเฉพาะ", mentor_user) == [title]
    assert found_titles("ลับเฉพาะ", staff_user) == [title]


def test_workshop_participants_are_never_indexed_and_a_draft_follows_the_sites_mentors(
    staff_user, mentor_user
):
    site = SiteFactory()
    workshop = WorkshopFactory(site=site, draft=True, minutes="ผู้เข้าร่วมเห็นด้วยกับแผนชายหาด")
    ParticipantFactory(workshop=workshop, name="นายประหยัด มั่งมี", phone="081-111-2222")
    workshop.save()
    document = SearchDocument.objects.get(kind="meetings.workshop")
    assert "ประหยัด" not in document.body and "081" not in document.body
    assert found_titles("ประหยัด", staff_user) == []
    assert found_titles("แผนชายหาด") == [] and found_titles("แผนชายหาด", mentor_user) == []
    site.mentors.add(mentor_user)  # m2m_changed: the site's workshops are indexed again
    assert len(found_titles("แผนชายหาด", mentor_user)) == 1
    site.mentors.remove(mentor_user)
    assert found_titles("แผนชายหาด", mentor_user) == []
    assert Participant.objects.count() == 1


def test_a_capacity_report_draft_is_hidden_from_visitors_until_submitted(staff_user):
    report = CapacityReportFactory(strengths="มีกลุ่มออมทรัพย์วันละบาท")
    assert found_titles("ออมทรัพย์วันละบาท") == []
    assert len(found_titles("ออมทรัพย์วันละบาท", staff_user)) == 1
    report.status, report.submitted_at = report.Status.SUBMITTED, report.created_at
    report.save()
    assert len(found_titles("ออมทรัพย์วันละบาท")) == 1


def test_board_moderation_written_with_update_still_reaches_the_index(staff_user):
    question = QuestionFactory(title="ขอเบอร์ผู้ประสานงาน", body="โทร 081-234-5678 ได้ไหม")
    answer = AnswerFactory(question=question, body="ติดต่อคุณสมชาย ที่ศาลาประชาคม")
    assert found_titles("ศาลาประชาคม") == ["ขอเบอร์ผู้ประสานงาน"]
    assert found_titles("0812345678") == [] and found_titles("081-234-5678", staff_user) == []
    answer_moderate(answer=answer, action="hide", actor=staff_user)
    assert found_titles("ศาลาประชาคม") == []
    question_moderate(question=question, action="spam", actor=staff_user)
    assert found_titles("ผู้ประสานงาน") == [] and found_titles("ผู้ประสานงาน", staff_user) == ["ขอเบอร์ผู้ประสานงาน"]
    question_moderate(question=question, action="approve", actor=staff_user)
    assert found_titles("ผู้ประสานงาน") == ["ขอเบอร์ผู้ประสานงาน"]
    question.refresh_from_db()
    assert question.moderation == Moderation.PUBLISHED


def test_rebuild_indexes_what_bulk_writes_left_out_and_drops_what_is_gone():
    bulk_projects(30, prefix="ZX")  # bulk_create: no signals
    indexed("stale", "ของเก่าที่ไม่มีแล้ว", kind="programmes.project")
    assert found_titles("ZX00007") == []
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert found_titles("zx00007") == ["ZX00007 โครงการทดสอบจำนวนมาก ZX00007"]
    assert found_titles("ของเก่า") == []
    assert "programmes.project: 30" in out.getvalue()
    call_command("rebuild_search_index", "programmes.project", stdout=io.StringIO())
    assert SearchDocument.objects.filter(kind="programmes.project").count() == 30


def test_every_source_builds_a_document_title_and_url():
    kinds = {source.kind for source in sources()}
    assert {
        "programmes.programme",
        "programmes.framework",
        "programmes.plan",
        "programmes.indicator",
        "programmes.project",
        "sites.site",
        "sites.report",
        "meetings.workshop",
        "qa_board.question",
        "qa_board.topic",
    } <= kinds
