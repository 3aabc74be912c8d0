"""The one-page project editor: who may use it, the all-or-nothing save, the database rules, the
fiscal-quarter fill, refused stale saves and the query count."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from programmes.forms.projects import ProjectForm
from programmes.models import BudgetPeriod, Project, ProjectLocation, TargetGroup
from programmes.services.projects import fiscal_quarter_periods
from tests.factories import UserFactory
from tests.programmes.factories import (
    BudgetPeriodFactory,
    ProgrammeFactory,
    ProjectFactory,
    ProjectLocationFactory,
    ProjectObjectiveFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

PREFIXES = ("locations", "periods", "problems", "objectives", "target_groups")
CREATE_URL = reverse("programmes:project-create")


def edit_url(project):
    return reverse("programmes:project-edit", args=[project.code])


def editor_data(project=None, *, programme=None, periods=(), initial_periods=0, **fields):
    """POST data for the editor: the project's fields and every formset's management form."""
    data = {
        "action": "save",
        "name": "โครงการทดสอบระบบสุขภาพชุมชน",
        "programme": str((programme or project.programme).pk),
        "code": "61-ค-900",
        "start_date": "1/1/2561",
        "end_date": "31/12/2561",
        "budget": "500000.00",
        "status": "published",
        "version": "",
    }
    if project is not None:
        data.update(
            name=project.name,
            code=project.code,
            start_date=f"{project.start_date.day}/{project.start_date.month}/{project.start_date.year + 543}",
            end_date=f"{project.end_date.day}/{project.end_date.month}/{project.end_date.year + 543}",
            budget=str(project.budget),
            status=project.status,
            version=str(project.version),
        )
    data.update(fields)
    for prefix in PREFIXES:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data["periods-TOTAL_FORMS"] = str(len(periods))
    data["periods-INITIAL_FORMS"] = str(initial_periods)
    for index, row in enumerate(periods):
        for key, value in row.items():
            data[f"periods-{index}-{key}"] = value
    return data


def period_row(number, start, end, amount, **extra):
    return {"number": str(number), "start_date": start, "end_date": end, "amount": amount, **extra}


# --- permissions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"), [("member", 403), ("mentor", 403), ("staff", 200), ("admin", 200)]
)
def test_editor_pages_open_only_for_staff_and_admins(client, role, expected):
    project = ProjectFactory()
    client.force_login(UserFactory(role=role))
    assert client.get(CREATE_URL).status_code == expected
    assert client.get(edit_url(project)).status_code == expected


def test_visitors_are_sent_to_sign_in_from_the_editor(client):
    project = ProjectFactory()
    for url in (CREATE_URL, edit_url(project)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
        response = client.post(url, editor_data(project))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert Project.objects.get().name == project.name


@pytest.mark.parametrize("role", ["member", "mentor"])
def test_members_and_mentors_cannot_save_through_the_editor(client, role):
    project = ProjectFactory()
    client.force_login(UserFactory(role=role))
    assert client.post(CREATE_URL, editor_data(programme=project.programme)).status_code == 403
    assert client.post(edit_url(project), editor_data(project, name="เปลี่ยนชื่อ")).status_code == 403
    assert Project.objects.count() == 1 and Project.objects.get().name == project.name


@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_and_admins_create_a_project_with_its_periods(client, role):
    programme = ProgrammeFactory()
    client.force_login(UserFactory(role=role))
    data = editor_data(
        programme=programme,
        periods=[
            period_row(1, "1/1/2561", "30/6/2561", "250000.00"),
            period_row(
                2, "1/7/2561", "31/12/2561", "250000.00", report_start="1/7/2561", report_end="31/12/2561"
            ),
        ],
    )
    response = client.post(CREATE_URL, data)
    project = Project.objects.get(code="61-ค-900")
    assert response.status_code == 302 and response.url == reverse(
        "programmes:project-detail", args=[project.code]
    )
    assert project.start_date == dt.date(2018, 1, 1) and project.budget == Decimal("500000.00")
    assert [(p.number, p.amount) for p in project.periods.order_by("number")] == [
        (1, Decimal("250000.00")),
        (2, Decimal("250000.00")),
    ]
    assert project.periods.get(number=2).report_end == dt.date(2018, 12, 31)
    follow = client.get(response.url)
    assert "61-ค-900" in str(list(follow.context["messages"])[0])


def test_staff_edit_a_project_and_its_rows(client, staff_user):
    project = ProjectFactory()
    period = BudgetPeriodFactory(project=project, number=1, amount=Decimal("10.00"))
    group = TargetGroupFactory(project=project)
    client.force_login(staff_user)
    data = editor_data(
        project, name="ชื่อใหม่", periods=[period_row(1, "1/1/2561", "30/6/2561", "99.50", id=period.pk)]
    )
    data["periods-INITIAL_FORMS"] = "1"
    data.update(
        {
            "target_groups-TOTAL_FORMS": "1",
            "target_groups-INITIAL_FORMS": "1",
            "target_groups-0-id": str(group.pk),
            "target_groups-0-name": group.name,
            "target_groups-0-planned": "5",
            "target_groups-0-DELETE": "on",
        }
    )
    response = client.post(edit_url(project), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.name == "ชื่อใหม่" and project.version == 2
    assert project.periods.get().amount == Decimal("99.50")
    assert not TargetGroup.objects.exists()


# --- all or nothing -------------------------------------------------------------------------


def test_a_bad_period_row_saves_nothing_and_keeps_what_was_typed(client, staff_user):
    project = ProjectFactory(name="ชื่อเดิม")
    client.force_login(staff_user)
    data = editor_data(
        project,
        name="ชื่อที่พิมพ์ใหม่",
        periods=[
            period_row(1, "1/1/2561", "30/6/2561", "100.00"),
            period_row(2, "31/12/2561", "1/7/2561", "123.45"),  # ends before it starts
        ],
    )
    response = client.post(edit_url(project), data)
    html = response.content.decode()
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.name == "ชื่อเดิม" and project.version == 1 and not project.periods.exists()
    assert "ชื่อที่พิมพ์ใหม่" in html and 'value="123.45"' in html and 'value="31/12/2561"' in html
    period_form = response.context["formsets"]["periods"].forms[1]
    assert period_form.errors["end_date"]


def test_period_errors_are_worded_in_thai(client, staff_user):
    """Needs the Thai catalog."""
    project = ProjectFactory()
    client.force_login(staff_user)
    data = editor_data(project, periods=[period_row(1, "31/12/2561", "1/7/2561", "-5")])
    html = client.post(edit_url(project), data).content.decode()
    assert "งวดสิ้นสุดก่อนวันเริ่มไม่ได้" in html
    assert "กรอกจำนวนตั้งแต่ 0 ขึ้นไป" in html
    assert "ไม่มีการบันทึกข้อมูลใด ๆ" in html or "ไม่ได้บันทึก" in html


def test_duplicate_period_numbers_are_refused_with_a_formset_message(client, staff_user):
    project = ProjectFactory()
    client.force_login(staff_user)
    data = editor_data(
        project,
        periods=[
            period_row(2, "1/1/2561", "30/6/2561", "1.00"),
            period_row(2, "1/7/2561", "31/12/2561", "1.00"),
        ],
    )
    response = client.post(edit_url(project), data)
    assert response.status_code == 200 and not BudgetPeriod.objects.exists()
    formset = response.context["formsets"]["periods"]
    assert formset.non_form_errors() and "2" in formset.non_form_errors()[0]


def test_report_window_ending_before_it_starts_is_refused(client, staff_user):
    project = ProjectFactory()
    client.force_login(staff_user)
    row = period_row(1, "1/1/2561", "30/6/2561", "1.00", report_start="30/6/2561", report_end="1/1/2561")
    response = client.post(edit_url(project), editor_data(project, periods=[row]))
    assert response.status_code == 200 and not BudgetPeriod.objects.exists()
    assert response.context["formsets"]["periods"].forms[0].errors["report_end"]


def test_swapping_two_period_numbers_saves(client, staff_user):
    project = ProjectFactory()
    first = BudgetPeriodFactory(project=project, number=1, amount=Decimal("1.00"))
    second = BudgetPeriodFactory(project=project, number=2, amount=Decimal("2.00"))
    client.force_login(staff_user)
    rows = [
        period_row(2, "1/1/2561", "30/6/2561", "1.00", id=first.pk),
        period_row(1, "1/1/2561", "30/6/2561", "2.00", id=second.pk),
    ]
    response = client.post(edit_url(project), editor_data(project, periods=rows, initial_periods=2))
    assert response.status_code == 302
    assert dict(project.periods.values_list("number", "amount")) == {2: Decimal("1.00"), 1: Decimal("2.00")}


def test_project_ending_before_it_starts_and_negative_budget_are_refused(client, staff_user):
    project = ProjectFactory()
    client.force_login(staff_user)
    response = client.post(edit_url(project), editor_data(project, end_date="1/1/2560", budget="-1"))
    form = response.context["form"]
    assert form.errors["end_date"] and form.errors["budget"]
    assert Project.objects.get().version == 1


def test_latitude_without_longitude_is_refused(client, staff_user):
    project = ProjectFactory()
    client.force_login(staff_user)
    response = client.post(edit_url(project), editor_data(project, latitude="12.5", longitude=""))
    assert response.context["form"].errors["longitude"]
    response = client.post(edit_url(project), editor_data(project, latitude="12.5", longitude="102.1"))
    assert response.status_code == 302
    assert Project.objects.get().longitude == Decimal("102.1")


def test_a_used_project_code_is_refused_with_a_thai_message(client, staff_user):
    """Needs the Thai catalog."""
    taken = ProjectFactory(code="60-ข-087")
    client.force_login(staff_user)
    response = client.post(CREATE_URL, editor_data(programme=taken.programme, code="60-ข-087"))
    assert response.status_code == 200 and Project.objects.count() == 1
    assert "รหัสโครงการนี้มีโครงการอื่นใช้แล้ว" in response.content.decode()


def test_a_used_project_code_is_refused_by_the_form(client, staff_user):
    taken = ProjectFactory(code="60-ข-087")
    client.force_login(staff_user)
    response = client.post(CREATE_URL, editor_data(programme=taken.programme, code="60-ข-087"))
    assert [e.code for e in response.context["form"].errors.as_data()["code"]] == ["unique"]
    assert str(ProjectForm._meta.error_messages["code"]["unique"]) in response.content.decode()


@pytest.mark.parametrize("code", ["60/087", "new", "export"])
def test_codes_that_cannot_be_a_page_address_are_refused(client, staff_user, code):
    programme = ProgrammeFactory()
    client.force_login(staff_user)
    response = client.post(CREATE_URL, editor_data(programme=programme, code=code))
    assert response.context["form"].errors["code"] and not Project.objects.exists()


def test_mentor_choices_are_limited_to_mentors(staff_user):
    mentor = UserFactory(role="mentor")
    member = UserFactory(role="member")
    choices = list(ProjectForm().fields["mentor"].queryset)
    assert mentor in choices and member not in choices and staff_user not in choices


# --- the database rules hold without the forms ------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"amount": Decimal("-1")},
        {"start_date": dt.date(2018, 6, 1), "end_date": dt.date(2018, 1, 1)},
        {"report_start": dt.date(2018, 6, 1), "report_end": dt.date(2018, 1, 1)},
        {"number": 0},
    ],
)
def test_database_refuses_bad_periods(changes):
    project = ProjectFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetPeriodFactory(project=project, **changes)


def test_database_refuses_two_periods_with_one_number():
    project = ProjectFactory()
    BudgetPeriodFactory(project=project, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetPeriodFactory(project=project, number=1)


@pytest.mark.parametrize(
    "changes",
    [
        {"budget": Decimal("-0.01")},
        {"start_date": dt.date(2018, 6, 1), "end_date": dt.date(2018, 1, 1)},
        {"latitude": Decimal("12.5"), "longitude": None},
    ],
)
def test_database_refuses_bad_projects(changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(**changes)


def test_database_refuses_two_projects_with_one_code():
    ProjectFactory(code="60-ข-087")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(code="60-ข-087")


# --- fiscal-quarter fill ------------------------------------------------------------------------


def test_fiscal_quarters_share_the_budget_to_the_satang():
    quarters = fiscal_quarter_periods(be_year=2561, budget=Decimal("100000.03"))
    assert [q.number for q in quarters] == [1, 2, 3, 4]
    assert [(q.start_date, q.end_date) for q in quarters] == [
        (dt.date(2017, 10, 1), dt.date(2017, 12, 31)),
        (dt.date(2018, 1, 1), dt.date(2018, 3, 31)),
        (dt.date(2018, 4, 1), dt.date(2018, 6, 30)),
        (dt.date(2018, 7, 1), dt.date(2018, 9, 30)),
    ]
    assert [q.amount for q in quarters] == [Decimal("25000.00")] * 3 + [Decimal("25000.03")]
    assert sum(q.amount for q in quarters) == Decimal("100000.03")
    tiny = fiscal_quarter_periods(be_year=2561, budget=Decimal("0.02"))
    assert [q.amount for q in tiny] == [Decimal("0.00")] * 3 + [Decimal("0.02")]


def test_fill_quarters_shows_the_four_quarters_and_saves_nothing(client, staff_user):
    project = ProjectFactory(budget=Decimal("100000.01"))
    old = BudgetPeriodFactory(project=project, number=1, amount=Decimal("5.00"))
    client.force_login(staff_user)
    data = editor_data(
        project,
        name="ยังไม่บันทึก",
        action="fill_quarters",
        fiscal_year="2561",
        budget="100000.01",
        periods=[period_row(1, "1/1/2561", "30/6/2561", "5.00", id=old.pk)],
        initial_periods=1,
    )
    response = client.post(edit_url(project), data)
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.name != "ยังไม่บันทึก" and list(project.periods.all()) == [old]
    formset = response.context["formsets"]["periods"]
    assert formset.data["periods-0-DELETE"] == "on"
    new_rows = [formset.data[f"periods-{i}-amount"] for i in range(1, 5)]
    assert new_rows == ["25000.00", "25000.00", "25000.00", "25000.01"]
    html = response.content.decode()
    for typed in (
        "1/10/2560",
        "31/12/2560",
        "1/1/2561",
        "31/3/2561",
        "1/4/2561",
        "30/6/2561",
        "1/7/2561",
        "30/9/2561",
    ):
        assert f'value="{typed}"' in html
    assert "ยังไม่บันทึก" in html and 'class="invalid-feedback' not in html

    # Saving the filled page stores exactly the four quarters, adding up to the budget.
    saved = client.post(edit_url(project), {**formset.data.dict(), "action": "save"})
    assert saved.status_code == 302
    periods = list(project.periods.order_by("number"))
    assert [p.number for p in periods] == [1, 2, 3, 4]
    assert sum(p.amount for p in periods) == Decimal("100000.01")
    assert periods[0].report_start == dt.date(2017, 10, 1) and periods[3].report_end == dt.date(2018, 9, 30)


def test_fill_quarters_on_a_new_project_needs_a_budget_and_a_year(client, staff_user):
    programme = ProgrammeFactory()
    client.force_login(staff_user)
    data = editor_data(programme=programme, action="fill_quarters", fiscal_year="61", budget="")
    response = client.post(CREATE_URL, data)
    assert response.status_code == 200 and not Project.objects.exists()
    assert len([m for m in response.context["messages"] if m.level_tag == "error"]) == 2


# --- no lost update ---------------------------------------------------------------------------


def test_the_second_of_two_concurrent_saves_is_refused_and_stores_nothing(staff_user, admin_user):
    project = ProjectFactory(name="ชื่อเดิม")
    first, second = Client(), Client()
    first.force_login(staff_user)
    second.force_login(admin_user)
    versions = []
    for browser in (first, second):
        html = browser.get(edit_url(project)).content.decode()
        versions.append(re.search(r'name="version" value="(\d+)"', html).group(1))
    assert versions == ["1", "1"]
    ok = first.post(edit_url(project), editor_data(project, name="ชื่อของคนแรก", version=versions[0]))
    assert ok.status_code == 302
    refused = second.post(
        edit_url(project),
        editor_data(
            project,
            name="ชื่อของคนที่สอง",
            version=versions[1],
            periods=[period_row(1, "1/1/2561", "30/6/2561", "9.00")],
        ),
    )
    assert refused.status_code == 200
    project.refresh_from_db()
    assert project.name == "ชื่อของคนแรก" and project.version == 2 and not project.periods.exists()
    html = refused.content.decode()
    assert "ชื่อของคนที่สอง" in html  # what they typed is kept, to copy
    assert refused.context["form"].non_field_errors()
    assert staff_user.get_full_name() in refused.context["form"].non_field_errors()[0]


def test_stale_save_message_is_in_thai(staff_user, admin_user):
    """Needs the Thai catalog."""
    project = ProjectFactory()
    client = Client()
    client.force_login(admin_user)
    Project.objects.filter(pk=project.pk).update(version=5)
    html = client.post(edit_url(project), editor_data(project, version="1")).content.decode()
    assert "บันทึกโครงการนี้เมื่อ" in html


# --- history and query counts ------------------------------------------------------------------


def test_a_save_through_the_editor_appears_in_the_history(client, staff_user):
    project = ProjectFactory()
    client.force_login(staff_user)
    client.post(edit_url(project), editor_data(project, budget="123.00"))
    html = client.get(reverse("programmes:project-detail", args=[project.code])).content.decode()
    history = html[html.index('id="history-heading"') :]
    assert str(Project._meta.get_field("budget").verbose_name) in history
    assert staff_user.get_full_name() in history


def _grow(project, n, province):
    for i in range(n):
        BudgetPeriodFactory(project=project, number=i + 1)
        ProjectObjectiveFactory(project=project)
        TargetGroupFactory(project=project)
        ProjectLocationFactory(project=project, province=province)


def test_edit_page_query_count_does_not_grow_with_the_rows(
    client,
    staff_user,
    geography,  # noqa: F811
    django_assert_num_queries,
    django_assert_max_num_queries,
):
    from sites.models import Subdistrict

    subdistrict = Subdistrict.objects.select_related("district__province").order_by("code").first()
    small, large = ProjectFactory(), ProjectFactory()
    _grow(small, 2, subdistrict.district.province)
    _grow(large, 20, subdistrict.district.province)
    ProjectLocation.objects.update(district=subdistrict.district, subdistrict=subdistrict)
    client.force_login(staff_user)
    with django_assert_max_num_queries(15) as captured:
        assert client.get(edit_url(small)).status_code == 200
    with django_assert_num_queries(len(captured)):
        response = client.get(edit_url(large))
    assert subdistrict.name_th in response.content.decode()


def test_staff_add_a_location_picked_from_the_geography(client, staff_user, geography):  # noqa: F811
    from sites.models import Subdistrict

    tambon = Subdistrict.objects.select_related("district__province").get(
        name_th="เกาะขวาง", district__province__name_th="จันทบุรี"
    )
    elsewhere = Subdistrict.objects.select_related("district").get(
        name_th="ท่าโสม", district__province__name_th="ตราด"
    )
    project = ProjectFactory()
    client.force_login(staff_user)
    row = {
        "locations-TOTAL_FORMS": "1",
        "locations-0-province": str(tambon.district.province_id),
        "locations-0-district": str(elsewhere.district_id),  # a district of another province
        "locations-0-subdistrict": str(tambon.pk),
        "locations-0-area_type": "rural",
    }
    response = client.post(edit_url(project), {**editor_data(project), **row})
    assert response.status_code == 200 and not ProjectLocation.objects.exists()
    assert response.context["formsets"]["locations"].forms[0].errors["district"]

    row["locations-0-district"] = str(tambon.district_id)
    response = client.post(edit_url(project), {**editor_data(project), **row})
    assert response.status_code == 302
    location = ProjectLocation.objects.get()
    assert (location.province, location.district, location.subdistrict) == (
        tambon.district.province,
        tambon.district,
        tambon,
    )
    html = client.get(edit_url(project)).content.decode()
    assert f'<option value="{tambon.pk}" selected>' in html
