"""Workshops (ประชุมกับพื้นที่): numbering, the attendance register, who may log them, and who sees
participants' names."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from meetings.models import Workshop
from meetings.services.workshops import workshop_save
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.meetings.factories import AttendanceFactory, ParticipantFactory, WorkshopFactory
from tests.sites.factories import SiteFactory

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "date": "10/4/2561",
        "place": "ศาลาการเปรียญวัดเกาะขวาง",
        "status": "published",
        "agenda": "ประชาคมสุขภาพตำบล",
        "minutes": "",
        "outcomes": "แผนสุขภาพตำบล",
        "next_steps": "",
        "next_date": "",
        "lao": "4",
        "pcu": "3",
        "volunteers": "5",
        "hospital": "",
        "community": "",
        "other": "",
        "participants-TOTAL_FORMS": "1",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "300",
        "participants-0-name": "นางสมศรี ใจดี",
        "participants-0-role": "ประธาน อสม.",
        "participants-0-organisation_type": "volunteers",
        "participants-0-phone": "081-234-5678",
    }
    data.update(overrides)
    return data


def test_workshops_are_numbered_per_site():
    "Each site counts its own workshops from 1"
    first, second = SiteFactory(), SiteFactory()
    numbers = [
        workshop_save(
            workshop=Workshop(site=site, date="2018-01-16", place="อบต."),
            mentors_present=[],
            counts={"lao": 1},
        ).number
        for site in (first, second, first)
    ]
    assert numbers == [1, 1, 2]


def test_the_database_refuses_a_number_twice_for_one_site():
    workshop = WorkshopFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Workshop.objects.create(site=workshop.site, number=workshop.number, date=workshop.date, place="x")


@pytest.mark.django_db(transaction=True)
def test_two_workshops_saved_at_once_get_their_own_numbers():
    "Two saves for one site at the same moment wait on the site's row and take 1 and 2"
    site = SiteFactory()
    barrier, errors, numbers = threading.Barrier(2), [], []

    def save():
        try:
            barrier.wait()
            workshop = Workshop(site=site, date="2018-01-16", place="อบต.")
            numbers.append(workshop_save(workshop=workshop, mentors_present=[], counts={"lao": 1}).number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and sorted(numbers) == [1, 2]


def test_a_mentor_logs_a_workshop_for_their_site_and_the_total_is_summed(client):
    "The mentor's workshop is ปฏิบัติการที่ 1 with 12 participants from three organisation types"
    mentor = UserFactory(role="mentor")
    site = SiteFactory(mentors=[mentor])
    client.force_login(mentor)
    response = client.post(reverse("meetings:workshop-create", args=[site.code]), _data())
    assert response.status_code == 302
    workshop = Workshop.objects.get(site=site)
    assert workshop.number == 1 and workshop.author == mentor
    assert sorted(workshop.attendance.values_list("organisation_type", "count")) == [
        ("lao", 4),
        ("pcu", 3),
        ("volunteers", 5),
    ]
    page = client.get(reverse("sites:site-detail", args=[site.code])).content.decode()
    assert "ปฏิบัติการที่ 1" in page and "ผู้เข้าร่วม 12 คน" in page
    detail = client.get(response["Location"]).content.decode()
    assert 'workshop-total"><div class="cell-content">12</div>' in detail
    assert "นางสมศรี ใจดี" in detail


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_the_sites_mentors_and_staff_may_log_edit_or_delete(client, role):
    "Visitors are sent to sign in; members and a mentor of another site get 403; staff, admins pass"
    user = user_in_role(role)
    site = SiteFactory()
    if role == "mentor":
        SiteFactory(mentors=[user])  # a mentor, of another site
    workshop = WorkshopFactory(site=site)
    AttendanceFactory(workshop=workshop)
    if user:
        client.force_login(user)
    allowed = role in ("staff", "admin")
    create = client.post(reverse("meetings:workshop-create", args=[site.code]), _data())
    edit = client.post(reverse("meetings:workshop-edit", args=[site.code, 1]), _data(place="ที่ใหม่"))
    delete_page = client.get(reverse("meetings:workshop-delete", args=[site.code, 1]))
    delete = client.post(reverse("meetings:workshop-delete", args=[site.code, 1]))
    for response in (create, edit, delete_page, delete):
        if allowed:
            assert response.status_code in (200, 302)
        elif role is None:
            assert response.status_code == 302 and reverse("login") in response["Location"]
        else:
            assert response.status_code == 403
    if allowed:
        assert list(Workshop.objects.filter(site=site).values_list("number", flat=True)) == [2]
    else:
        assert Workshop.objects.get(site=site).place == "ห้องประชุม อบต."


def test_a_mentor_of_the_site_may_edit_and_delete(client):
    mentor = UserFactory(role="mentor")
    workshop = WorkshopFactory(site=SiteFactory(mentors=[mentor]))
    AttendanceFactory(workshop=workshop)
    client.force_login(mentor)
    url = reverse("meetings:workshop-edit", args=[workshop.site.code, workshop.number])
    assert client.post(url, _data(place="ที่ใหม่")).status_code == 302
    workshop.refresh_from_db()
    assert workshop.place == "ที่ใหม่"
    assert client.post(reverse("meetings:workshop-delete", args=[workshop.site.code, 1])).status_code == 302
    assert not Workshop.objects.exists()


def test_a_failed_save_keeps_everything_typed_and_saves_nothing(client, staff_user):
    "A bad date is refused next to its field; the place, counts and names come back as typed"
    site = SiteFactory()
    client.force_login(staff_user)
    response = client.post(reverse("meetings:workshop-create", args=[site.code]), _data(date="31/4/2561"))
    page = response.content.decode()
    assert response.status_code == 200 and not Workshop.objects.exists()
    assert "วันที่ 31 ไม่มีในเดือนเมษายน 2561" in page
    assert 'value="ศาลาการเปรียญวัดเกาะขวาง"' in page and 'value="นางสมศรี ใจดี"' in page and 'value="4"' in page


def test_a_workshop_needs_at_least_one_participant_count(client, staff_user):
    site = SiteFactory()
    client.force_login(staff_user)
    empty = dict.fromkeys(("lao", "pcu", "volunteers"), "")
    response = client.post(reverse("meetings:workshop-create", args=[site.code]), _data(**empty))
    assert response.status_code == 200 and not Workshop.objects.exists()
    assert "นับผู้เข้าร่วมอย่างน้อยหนึ่งประเภทองค์กร" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees_names"), [(None, False), ("member", False), ("mentor", False), ("staff", True)]
)
def test_participants_names_are_shown_only_to_staff_and_the_sites_mentors(client, role, sees_names):
    "Visitors, members and mentors of other sites see the counts, not the names and phones"
    workshop = WorkshopFactory()
    AttendanceFactory(workshop=workshop, count=12)
    ParticipantFactory(workshop=workshop)
    user = user_in_role(role)
    if user:
        client.force_login(user)
    page = client.get(reverse("meetings:workshop-detail", args=[workshop.site.code, 1])).content.decode()
    assert '<div class="cell-content">12</div>' in page
    assert ("นางสมศรี ใจดี" in page) is sees_names
    assert ("081-234-5678" in page) is sees_names


def test_the_sites_own_mentor_sees_the_names(client):
    mentor = UserFactory(role="mentor")
    workshop = WorkshopFactory(site=SiteFactory(mentors=[mentor]))
    ParticipantFactory(workshop=workshop)
    client.force_login(mentor)
    page = client.get(reverse("meetings:workshop-detail", args=[workshop.site.code, 1])).content.decode()
    assert "081-234-5678" in page


def test_visitors_do_not_see_draft_workshops(client):
    workshop = WorkshopFactory(draft=True)
    assert client.get(reverse("meetings:workshop-detail", args=[workshop.site.code, 1])).status_code == 404


def test_the_participant_register_is_capped(client, staff_user):
    "A register posted with more rows than the cap is refused, not processed"
    site = SiteFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("meetings:workshop-create", args=[site.code]), _data(**{"participants-TOTAL_FORMS": "5000"})
    )
    assert response.status_code == 200 and not Workshop.objects.exists()


def _grow(site, count):
    for _ in range(count):
        workshop = WorkshopFactory(site=site)
        AttendanceFactory(workshop=workshop)
        AttendanceFactory(workshop=workshop, organisation_type="lao")
        ParticipantFactory(workshop=workshop)


@pytest.mark.parametrize("role", [None, "mentor", "staff"])
def test_workshop_pages_use_a_fixed_number_of_queries(
    client, role, django_assert_max_num_queries, django_assert_num_queries
):
    "The site page, the workshop list, a workshop and its form cost the same with 2 or 30 workshops"
    user = user_in_role(role)
    site = SiteFactory(mentors=[user] if role == "mentor" else [])
    if user:
        client.force_login(user)
    _grow(site, 2)
    urls = [
        reverse("sites:site-detail", args=[site.code]),
        reverse("meetings:workshop-list", args=[site.code]),
        reverse("meetings:workshop-detail", args=[site.code, 1]),
    ]
    if role:
        urls.append(reverse("meetings:workshop-edit", args=[site.code, 1]))
    counts = []
    for url in urls:
        with django_assert_max_num_queries(16) as captured:
            assert client.get(url).status_code in (200, 403)
        counts.append(len(captured))
    _grow(site, 28)
    workshop = Workshop.objects.get(site=site, number=1)
    for _ in range(10):
        ParticipantFactory(workshop=workshop)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


# --- Attachments -------------------------------------------------------------------------------


def _office_file(name: str, part: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(part, "<document/>")
    return buffer.getvalue()


def _upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_pdf_docx_and_xlsx_are_attached_and_downloaded(client, staff_user):
    "Files checked by content are stored under a random name and served as downloads"
    site = SiteFactory()
    client.force_login(staff_user)
    files = [
        _upload("minutes.pdf", b"%PDF-1.4\n%test\n"),
        _upload("รายชื่อ.docx", _office_file("x.docx", "word/document.xml")),
        _upload("budget.xlsx", _office_file("x.xlsx", "xl/workbook.xml")),
    ]
    response = client.post(
        reverse("meetings:workshop-create", args=[site.code]), {**_data(), "new_attachments": files}
    )
    assert response.status_code == 302
    workshop = Workshop.objects.get()
    stored = list(workshop.attachments.values_list("original_name", "kind"))
    assert stored == [("minutes.pdf", "pdf"), ("รายชื่อ.docx", "docx"), ("budget.xlsx", "xlsx")]
    attachment = workshop.attachments.first()
    assert "minutes" not in attachment.file.name
    client.logout()
    download = client.get(reverse("meetings:workshop-attachment", args=[site.code, 1, attachment.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("renamed.pdf", b"MZ\x90\x00 an executable"),
        ("archive.docx", b"PK\x03\x04 not really a zip"),
        ("photo.xlsx", b"\x89PNG\r\n\x1a\n"),
    ],
)
def test_a_file_that_is_not_really_pdf_docx_or_xlsx_is_refused(client, staff_user, name, content):
    site = SiteFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("meetings:workshop-create", args=[site.code]),
        {**_data(), "new_attachments": [_upload(name, content)]},
    )
    assert response.status_code == 200 and not Workshop.objects.exists()
    assert "ไม่ใช่ไฟล์ PDF, DOCX หรือ XLSX" in response.content.decode()


def test_a_zip_that_is_not_an_office_document_is_refused(client, staff_user):
    site = SiteFactory()
    client.force_login(staff_user)
    upload = _upload("slides.docx", _office_file("x", "ppt/presentation.xml"))
    response = client.post(
        reverse("meetings:workshop-create", args=[site.code]), {**_data(), "new_attachments": [upload]}
    )
    assert response.status_code == 200 and not Workshop.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, staff_user, settings):
    settings.WORKSHOP_ATTACHMENT_MAX_BYTES = 100
    site = SiteFactory()
    client.force_login(staff_user)
    upload = _upload("big.pdf", b"%PDF-1.4\n" + b"0" * 200)
    response = client.post(
        reverse("meetings:workshop-create", args=[site.code]), {**_data(), "new_attachments": [upload]}
    )
    assert response.status_code == 200 and not Workshop.objects.exists()
    assert "ใหญ่เกิน" in response.content.decode()


def test_a_removed_attachment_loses_its_file(client, staff_user, django_capture_on_commit_callbacks):
    site = SiteFactory()
    client.force_login(staff_user)
    client.post(
        reverse("meetings:workshop-create", args=[site.code]),
        {**_data(), "new_attachments": [_upload("a.pdf", b"%PDF-1.4\n")]},
    )
    attachment = Workshop.objects.get().attachments.get()
    storage, name = attachment.file.storage, attachment.file.name
    assert storage.exists(name)
    with_participant = {"participants-INITIAL_FORMS": "1"}
    participant = Workshop.objects.get().participants.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("meetings:workshop-edit", args=[site.code, 1]),
            {
                **_data(**with_participant),
                "participants-0-id": participant.pk,
                "remove_attachments": [attachment.pk],
            },
        )
    assert response.status_code == 302
    assert not Workshop.objects.get().attachments.exists()
    assert not storage.exists(name)
