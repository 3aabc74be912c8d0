"""Staff edit the home page's programme in the portal, with its lists, in one atomic save."""

import pytest
from django.urls import reverse

from programmes.models import Outcome
from tests.factories import ALL_ROLES, user_in_role
from tests.programmes.factories import IndicatorFactory, OutcomeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def _valid_post(programme, **overrides):
    data = {
        "name": programme.name,
        "summary": "",
        "objective": "วัตถุประสงค์ใหม่",
        "goal_quantitative": "เชิงปริมาณ",
        "goal_qualitative": "เชิงคุณภาพ",
        **_management("indicators", 0),
        **_management("approaches", 0),
        **_management("outcomes", 0),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("role", "expected"),
    [(None, 302), ("member", 403), ("mentor", 403), ("staff", 200), ("admin", 200)],
)
def test_only_staff_and_admins_may_open_the_programme_editor(client, role, expected):
    programme = ProgrammeFactory(on_home_page=True)
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.get(reverse("programmes:programme-edit", args=[programme.pk]))
    assert response.status_code == expected
    if role is None:
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_staff_and_admins_may_save_the_programme(client, role):
    programme = ProgrammeFactory(on_home_page=True, objective="เดิม")
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.post(reverse("programmes:programme-edit", args=[programme.pk]), _valid_post(programme))
    programme.refresh_from_db()
    if role in ("staff", "admin"):
        assert response.status_code == 302
        assert programme.objective == "วัตถุประสงค์ใหม่"
    else:
        assert response.status_code in (302, 403)
        assert programme.objective == "เดิม"


def test_staff_save_of_the_programme_with_its_lists_shows_on_the_home_page(client, staff_user):
    programme = ProgrammeFactory(on_home_page=True)
    client.force_login(staff_user)
    data = _valid_post(
        programme,
        **{
            **_management("outcomes", 2),
            "outcomes-0-path": "1",
            "outcomes-0-text": "แผนที่ศักยภาพ",
            "outcomes-1-path": "1.1",
            "outcomes-1-text": "พื้นที่พัฒนาระบบสุขภาพชุมชน",
            **_management("indicators", 1),
            "indicators-0-position": "1",
            "indicators-0-description": "จำนวน 78 แห่ง",
        },
    )
    response = client.post(reverse("programmes:programme-edit", args=[programme.pk]), data, follow=True)
    html = response.content.decode()
    assert "บันทึกแล้ว" in html
    assert '<span class="num">1.1</span>' in html
    assert "จำนวน 78 แห่ง" in html


def test_an_error_in_one_outcome_row_saves_nothing_and_keeps_what_was_typed(client, staff_user):
    programme = ProgrammeFactory(on_home_page=True, objective="เดิม")
    OutcomeFactory(programme=programme, path=[1], text="ของเดิม")
    IndicatorFactory(programme=programme, description="ตัวชี้วัดเดิม")
    client.force_login(staff_user)
    data = _valid_post(
        programme,
        **{
            **_management("outcomes", 2),
            "outcomes-0-path": "2",
            "outcomes-0-text": "ผลลัพธ์ใหม่",
            "outcomes-1-path": "1..x",
            "outcomes-1-text": "หมายเลขผิด",
        },
    )
    response = client.post(reverse("programmes:programme-edit", args=[programme.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ยังไม่ได้บันทึกข้อมูลใด ๆ" in html
    assert "กรอกหมายเลข เช่น 1 หรือ 2.3" in html
    assert 'value="1..x"' in html and "ผลลัพธ์ใหม่" in html
    programme.refresh_from_db()
    assert programme.objective == "เดิม"
    assert list(Outcome.objects.filter(programme=programme).values_list("text", flat=True)) == ["ของเดิม"]


def test_two_outcomes_with_the_same_number_are_refused(client, staff_user):
    programme = ProgrammeFactory(on_home_page=True)
    client.force_login(staff_user)
    data = _valid_post(
        programme,
        **{
            **_management("outcomes", 2),
            "outcomes-0-path": "1.2",
            "outcomes-0-text": "ก",
            "outcomes-1-path": "1.2",
            "outcomes-1-text": "ข",
        },
    )
    response = client.post(reverse("programmes:programme-edit", args=[programme.pk]), data)
    assert response.status_code == 200
    assert not Outcome.objects.filter(programme=programme).exists()


def test_programme_editor_query_count_is_fixed(client, staff_user, django_assert_max_num_queries):
    programme = ProgrammeFactory(on_home_page=True)
    OutcomeFactory.create_batch(40, programme=programme)
    IndicatorFactory.create_batch(20, programme=programme)
    client.force_login(staff_user)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("programmes:programme-edit", args=[programme.pk])).status_code == 200
