"""PDPA: phone and ID numbers are masked on public pages; staff see the original."""

import pytest
from django.urls import reverse

from qa_board.text.personal_data import mask_personal_data

from .factories import QuestionFactory

PHONE = "[ซ่อนเบอร์โทรศัพท์]"
ID = "[ซ่อนเลขประจำตัวประชาชน]"


@pytest.fixture(autouse=True)
def thai():
    from django.utils import translation

    with translation.override("th"):
        yield


@pytest.mark.parametrize(
    "written",
    [
        "081-234-5678",
        "0812345678",
        "081 234 5678",
        "081.234.5678",
        "(081) 234-5678",
        "081-2345678",
        "+66 81 234 5678",
        "+66812345678",
        "+66-81-234-5678",
        "+66 (0) 81 234 5678",
        "0066 81 234 5678",
        "66812345678",
        "02-123-4567",
        "021234567",
        "02 123 4567",
        "(02) 123-4567",
        "+66 2 123 4567",
        "038-123-456",
        "๐๘๑-๒๓๔-๕๖๗๘",
    ],
)
def test_a_phone_number_is_masked_however_it_is_written(written):
    assert mask_personal_data(f"ติดต่อ {written} ได้ค่ะ") == f"ติดต่อ {PHONE} ได้ค่ะ"


def test_a_phone_number_glued_to_thai_words_is_masked():
    assert mask_personal_data("โทร.0812345678ค่ะ") == f"โทร.{PHONE}ค่ะ"


@pytest.mark.parametrize(
    "written", ["1234567890123", "1-2345-67890-12-3", "1 2345 67890 12 3", "๑๒๓๔๕๖๗๘๙๐๑๒๓"]
)
def test_an_id_number_is_masked_with_or_without_dashes(written):
    assert mask_personal_data(f"เลขบัตร {written}") == f"เลขบัตร {ID}"


@pytest.mark.parametrize(
    "harmless",
    [
        "งบประมาณ 1,000,000.00 บาท",
        "ปีงบประมาณ 2561-2562",
        "โครงการ 60-ข-087",
        "เวลา 10.30-12.00 น. ผู้เข้าร่วม 20 คน",
        "รหัสตำบล 220104",
        "บัญชีเลขที่ 12345678901234",
        "วันที่ 6/2/2561",
    ],
)
def test_numbers_that_are_not_personal_data_are_left_alone(harmless):
    assert mask_personal_data(harmless) == harmless


@pytest.mark.django_db
def test_the_public_sees_masked_numbers_and_staff_see_the_original(client, staff_user):
    question = QuestionFactory(title="ติดต่อ 081-234-5678", body="เลขบัตร 1-2345-67890-12-3 โทร 02-123-4567")
    url = reverse("qa_board:question-detail", kwargs={"pk": question.pk})
    public = client.get(url).content.decode()
    assert "081-234-5678" not in public and "1-2345-67890-12-3" not in public and "02-123-4567" not in public
    assert PHONE in public and ID in public
    assert "081-234-5678" not in client.get(reverse("qa_board:question-list")).content.decode()
    client.force_login(staff_user)
    staff = client.get(url).content.decode()
    assert "081-234-5678" in staff and "1-2345-67890-12-3" in staff
