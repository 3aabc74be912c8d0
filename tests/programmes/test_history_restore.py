"""Staff edits to the programme's content keep who/what/when history, and staff restore what was
deleted from the page ประวัติการแก้ไข / รายการที่ถูกลบ; nobody else may."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programmes.models import (
    Activity,
    Approach,
    Framework,
    Indicator,
    IndicatorMeasurement,
    Outcome,
    Programme,
)
from programmes.services.history import RESTORABLE
from tests.factories import ALL_ROLES, UserFactory, user_in_role
from tests.programmes.factories import (
    ActivityFactory,
    ApproachFactory,
    FrameworkFactory,
    IndicatorFactory,
    MeasurementFactory,
    OutcomeFactory,
    ProgrammeFactory,
)
from tests.programmes.test_guide import activity_formset_data

pytestmark = pytest.mark.django_db

LIST_URL = reverse("programmes:deleted-list")


@pytest.fixture
def staff(db):
    return UserFactory(username="staffer", role="staff", first_name="สมศรี", last_name="ขยัน")


@pytest.fixture
def staff_client(staff):
    client = Client()
    client.force_login(staff)
    return client


def restore_url(kind, record):
    return reverse("programmes:deletion-restore", args=[kind, record.history_id])


def deleted_by(obj, user):
    """Delete as the portal does: the history records who (HistoryRequestMiddleware's job in a request)."""
    pk = obj.pk
    obj._history_user = user
    obj.delete()
    return type(obj).history.filter(id=pk, history_type="-").latest("history_date")


def delete_activity_on_the_plan_page(client, activity):
    """The plan page sends every row as shown, the deleted one with its box ticked."""
    row = {
        "id": str(activity.pk),
        "position": str(activity.position),
        "title": activity.title,
        "responsible": activity.responsible,
        "budget": str(activity.budget),
        "status": activity.status,
        "DELETE": "on",
    }
    data = activity_formset_data([row], initial=1)
    response = client.post(reverse("programmes:plan-edit", args=[activity.framework.number]), data)
    assert response.status_code == 302


def last_message(response) -> str:
    return str(list(response.context["messages"])[-1])


# History is kept -------------------------------------------------------------------------------


def test_every_kind_of_programme_content_keeps_history():
    assert {model for model, _fk in RESTORABLE.values()} == {
        Programme,
        Indicator,
        IndicatorMeasurement,
        Approach,
        Outcome,
        Framework,
        Activity,
    }
    for model, _fk in RESTORABLE.values():
        assert hasattr(model, "history"), model


def test_an_edit_on_the_plan_page_is_recorded_with_who_what_and_when(staff_client, staff):
    activity = ActivityFactory(title="เดิม")
    data = activity_formset_data(
        [{"id": str(activity.pk), "position": "1", "title": "ชื่อใหม่", "budget": "5", "status": "done"}],
        initial=1,
    )
    staff_client.post(reverse("programmes:plan-edit", args=[activity.framework.number]), data)
    latest = activity.history.latest("history_date")
    assert (latest.history_type, latest.title, latest.history_user) == ("~", "ชื่อใหม่", staff)
    assert latest.prev_record.title == "เดิม"


def test_deleting_on_the_plan_page_is_recorded_and_listed_with_who_and_when(staff_client, staff):
    activity = ActivityFactory(title="ประชุมชี้แจงองค์กรหลัก")
    delete_activity_on_the_plan_page(staff_client, activity)
    assert not Activity.objects.filter(pk=activity.pk).exists()
    record = Activity.history.get(id=activity.pk, history_type="-")
    assert record.history_user == staff
    html = staff_client.get(LIST_URL).content.decode()
    assert "ประชุมชี้แจงองค์กรหลัก" in html
    assert "สมศรี ขยัน" in html
    assert restore_url("activity", record) in html
    assert "ประวัติการแก้ไข / รายการที่ถูกลบ" in html


# Restore -------------------------------------------------------------------------------------


def test_staff_restore_a_deleted_activity_from_its_history(staff_client, staff):
    activity = ActivityFactory(title="อบรมแกนนำ", budget=Decimal("45000.00"), status="done")
    framework_number = activity.framework.number
    delete_activity_on_the_plan_page(staff_client, activity)
    record = Activity.history.get(id=activity.pk, history_type="-")

    response = staff_client.post(restore_url("activity", record), follow=True)
    restored = Activity.objects.get(pk=activity.pk)
    assert (restored.title, restored.budget, restored.status) == ("อบรมแกนนำ", Decimal("45000.00"), "done")
    assert "กู้คืนแล้ว" in last_message(response)
    assert restore_url("activity", record) not in response.content.decode()
    assert restored.history.latest("history_date").history_user == staff
    assert (
        "อบรมแกนนำ"
        in Client().get(reverse("programmes:plan-detail", args=[framework_number])).content.decode()
    )


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_staff_and_admins_may_see_the_deletions_page(client, role):
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.get(LIST_URL)
    expected = {None: 302, "member": 403, "mentor": 403, "staff": 200, "admin": 200}[role]
    assert response.status_code == expected
    if role is None:
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_only_staff_and_admins_may_restore(client, staff, role):
    record = deleted_by(ActivityFactory(), staff)
    user = user_in_role(role)
    if user:
        client.force_login(user)
    response = client.post(restore_url("activity", record))
    restored = Activity.objects.filter(pk=record.id).exists()
    if role in ("staff", "admin"):
        assert response.status_code == 302 and restored
    else:
        assert response.status_code in (302, 403) and not restored


def test_restore_is_post_only_and_needs_the_csrf_token(staff, staff_client):
    record = deleted_by(ActivityFactory(), staff)
    assert staff_client.get(restore_url("activity", record)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(restore_url("activity", record)).status_code == 403
    assert not Activity.objects.filter(pk=record.id).exists()


def test_an_unknown_kind_or_deletion_is_a_404(staff, staff_client):
    record = deleted_by(ActivityFactory(), staff)
    assert (
        staff_client.post(
            reverse("programmes:deletion-restore", args=["project", record.history_id])
        ).status_code
        == 404
    )
    assert (
        staff_client.post(reverse("programmes:deletion-restore", args=["activity", 999999])).status_code
        == 404
    )
    change = Activity.history.exclude(history_type="-").first()
    assert staff_client.post(restore_url("activity", change)).status_code == 404


def test_restoring_twice_says_it_was_already_restored(staff, staff_client):
    record = deleted_by(ActivityFactory(), staff)
    staff_client.post(restore_url("activity", record))
    response = staff_client.post(restore_url("activity", record), follow=True)
    assert "ถูกกู้คืนไปแล้ว" in last_message(response)
    assert Activity.objects.filter(pk=record.id).count() == 1


@pytest.mark.parametrize(
    ("kind", "make"),
    [
        ("indicator", lambda: IndicatorFactory(programme=ProgrammeFactory(home=True))),
        ("approach", lambda: ApproachFactory(programme=ProgrammeFactory(home=True))),
        ("outcome", lambda: OutcomeFactory(programme=ProgrammeFactory(home=True))),
        ("framework", lambda: FrameworkFactory()),
        ("measurement", lambda: MeasurementFactory()),
        ("programme", lambda: ProgrammeFactory(home=True)),
    ],
)
def test_every_kind_can_be_restored(staff, staff_client, kind, make):
    obj = make()
    model = type(obj)
    record = deleted_by(obj, staff)
    assert staff_client.post(restore_url(kind, record)).status_code == 302
    assert model.objects.filter(pk=record.id).exists()


def test_a_restored_programme_keeps_the_date_it_was_made(staff, staff_client):
    programme = ProgrammeFactory(home=True)
    Programme.objects.filter(pk=programme.pk).update(created_at=dt.datetime(2017, 6, 1, tzinfo=dt.UTC))
    programme.refresh_from_db()
    record = deleted_by(programme, staff)
    staff_client.post(restore_url("programme", record))
    assert Programme.objects.get(pk=record.id).created_at == dt.datetime(2017, 6, 1, tzinfo=dt.UTC)


def test_a_child_whose_parent_is_deleted_too_says_so_and_restores_together(staff, staff_client):
    measurement = MeasurementFactory(value=Decimal("12"))
    indicator = measurement.indicator
    indicator_record = deleted_by(indicator, staff)  # takes its measurements with it
    record = IndicatorMeasurement.history.get(id=measurement.pk, history_type="-")

    response = staff_client.post(restore_url("measurement", record))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ถูกลบไปด้วย" in html, html
    assert "กู้คืนพร้อมกับรายการที่อยู่ภายใต้" in html
    assert 'name="with_parents" value="1"' in html
    assert not IndicatorMeasurement.objects.exists() and not Indicator.objects.exists()

    staff_client.post(restore_url("measurement", record), {"with_parents": "1"})
    assert Indicator.objects.filter(pk=indicator_record.id).exists()
    assert IndicatorMeasurement.objects.get(pk=measurement.pk).value == Decimal("12")


def test_restoring_a_parent_brings_back_the_children_deleted_with_it(staff, staff_client):
    framework = FrameworkFactory()
    activities = ActivityFactory.create_batch(3, framework=framework)
    # One more activity, deleted on its own long before its framework: it stays deleted.
    earlier = deleted_by(ActivityFactory(framework=framework), staff)
    Activity.history.filter(pk=earlier.pk).update(history_date=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    record = deleted_by(framework, staff)

    response = staff_client.post(restore_url("framework", record), follow=True)
    assert "อีก 3 รายการ" in last_message(response)
    assert set(Activity.objects.values_list("pk", flat=True)) == {a.pk for a in activities}


def test_a_restore_that_would_break_a_unique_rule_is_refused_in_thai_and_changes_nothing(staff, staff_client):
    measurement = MeasurementFactory(measured_on=dt.date(2018, 1, 1), value=Decimal("5"))
    record = deleted_by(measurement, staff)
    MeasurementFactory(indicator=measurement.indicator, measured_on=dt.date(2018, 1, 1), value=Decimal("7"))
    response = staff_client.post(restore_url("measurement", record), follow=True)
    assert "กู้คืน" in last_message(response)
    assert "ตามเดิมไม่ได้" in last_message(response)
    assert list(IndicatorMeasurement.objects.values_list("value", flat=True)) == [Decimal("7")]


# Query count -----------------------------------------------------------------------------------


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(LIST_URL).status_code == 200
    return len(captured)


def test_the_deletions_page_has_a_fixed_number_of_queries(staff, staff_client):
    programme = ProgrammeFactory(home=True)
    framework = FrameworkFactory(programme=programme)
    deleted_by(ActivityFactory(framework=framework), staff)
    deleted_by(IndicatorFactory(programme=programme), staff)
    few = _queries(staff_client)
    for _ in range(15):
        deleted_by(ActivityFactory(framework=framework), staff)
        deleted_by(ApproachFactory(programme=programme), staff)
        deleted_by(OutcomeFactory(programme=programme), staff)
    deleted_by(framework, staff)  # its activities' parent is now deleted too
    many = _queries(staff_client)
    assert (few, many) == (PINNED_DELETIONS_PAGE, PINNED_DELETIONS_PAGE)


# session + user with roles, the menu's framework numbers, one query per kind of content (7)
PINNED_DELETIONS_PAGE = 11  # with the menu's sites


@pytest.mark.parametrize(
    ("role", "in_menu"),
    [(None, False), ("member", False), ("mentor", False), ("staff", True), ("admin", True)],
)
def test_the_menu_links_the_deletions_page_for_staff_and_admins_only(client, role, in_menu):
    ProgrammeFactory(home=True)
    user = user_in_role(role)
    if user:
        client.force_login(user)
    html = client.get(reverse("programmes:home")).content.decode()
    assert (f'href="{LIST_URL}"' in html) is in_menu
