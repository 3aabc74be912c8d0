"""A capacity report's key organisations (องค์กรปกครองส่วนท้องถิ่น, PCU/โรงพยาบาลชุมชน, องค์กรชุมชน …):
a row each with its type, name and role, saved with the report or not at all, capped, shown on
the report's page; the migration that turned the old text box into rows."""

import importlib

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from sites.forms.capacity import MAX_KEY_ORGANISATIONS
from sites.models import CapacityReport, KeyOrganisation
from tests.factories import UserFactory
from tests.sites.factories import CapacityReportFactory, SiteFactory
from tests.sites.test_capacity import _data

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("sites.migrations.0006_key_organisations")

THREE = [
    {"kind": "local_government", "name": "องค์การบริหารส่วนตำบลเกาะขวาง", "role": "สนับสนุนงบจากกองทุน"},
    {"kind": "health_service", "name": "โรงพยาบาลส่งเสริมสุขภาพตำบลเกาะขวาง", "role": "ดูแลข้อมูลสุขภาพ"},
    {"kind": "community", "name": "ชมรมผู้สูงอายุตำบลเกาะขวาง", "role": "จัดกิจกรรมทุกเดือน"},
]


@pytest.fixture
def mentor_client(client):
    mentor = UserFactory(role="mentor")
    site = SiteFactory(mentors=[mentor])
    client.force_login(mentor)
    client.site = site
    return client


def test_a_report_is_saved_with_its_key_organisations_and_shows_them(mentor_client):
    "Three rows typed on the form are three organisations of the report, listed on its page"
    site = mentor_client.site
    response = mentor_client.post(
        reverse("sites:report-create", args=[site.code]), _data(organisations=THREE, submit="1")
    )
    assert response.status_code == 302
    report = CapacityReport.objects.get(site=site)
    assert list(report.organisations.values("kind", "name", "role")) == THREE
    page = mentor_client.get(response["Location"]).content.decode()
    assert 'class="table table-stacked table-sm key-organisations"' in page
    for text in ("องค์กรปกครองส่วนท้องถิ่น", "PCU/โรงพยาบาลชุมชน", "องค์กรชุมชน", "ชมรมผู้สูงอายุตำบลเกาะขวาง"):
        assert text in page


def test_a_bad_organisation_row_saves_nothing_and_keeps_what_was_typed(mentor_client):
    "A row with a name but no type refuses the whole save: no report, no rows, the form filled"
    site = mentor_client.site
    rows = [*THREE[:2], {"kind": "", "name": "กลุ่มอนุรักษ์ป่าชายเลน", "role": "ประสานชาวบ้าน"}]
    response = mentor_client.post(
        reverse("sites:report-create", args=[site.code]), _data(organisations=rows, submit="1")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not CapacityReport.objects.exists() and not KeyOrganisation.objects.exists()
    assert "กลุ่มอนุรักษ์ป่าชายเลน" in html and "โรงพยาบาลส่งเสริมสุขภาพตำบลเกาะขวาง" in html
    assert 'href="#id_organisations-2-kind"' in html  # the error summary links to the field


def test_editing_a_report_changes_and_removes_its_organisations(mentor_client):
    site = mentor_client.site
    report = CapacityReportFactory(site=site, number=1)
    first, second = (KeyOrganisation.objects.create(report=report, **row) for row in THREE[:2])
    rows = [
        {"id": str(first.pk), "report": str(report.pk), **THREE[0], "role": "เจ้าของกองทุน"},
        {"id": str(second.pk), "report": str(report.pk), **THREE[1], "DELETE": "on"},
    ]
    response = mentor_client.post(
        reverse("sites:report-edit", args=[site.code, 1]),
        _data(organisations=rows, initial_organisations=2, draft="1"),
    )
    assert response.status_code == 302
    assert list(report.organisations.values_list("name", "role")) == [(THREE[0]["name"], "เจ้าของกองทุน")]


def test_more_organisations_than_the_cap_are_refused_before_any_row_is_built(mentor_client):
    site = mentor_client.site
    rows = [{"kind": "other", "name": f"กลุ่มที่ {n}", "role": ""} for n in range(MAX_KEY_ORGANISATIONS + 1)]
    response = mentor_client.post(
        reverse("sites:report-create", args=[site.code]), _data(organisations=rows, draft="1")
    )
    assert response.status_code == 200 and not CapacityReport.objects.exists()
    assert f"บันทึกได้ไม่เกิน {MAX_KEY_ORGANISATIONS} แถว" in response.content.decode()


def test_the_database_refuses_an_organisation_without_a_name_or_of_an_unknown_type():
    report = CapacityReportFactory()
    for bad in ({"kind": "community", "name": ""}, {"kind": "bank", "name": "ธนาคาร"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            KeyOrganisation.objects.create(report=report, **bad)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "องค์การบริหารส่วนตำบลเกาะขวาง: สนับสนุนงบ",
            ("local_government", "องค์การบริหารส่วนตำบลเกาะขวาง", "สนับสนุนงบ"),
        ),
        ("เทศบาลตำบลท่าใหม่", ("local_government", "เทศบาลตำบลท่าใหม่", "")),
        ("รพ.สต.บ้านนา: ดูแลข้อมูล: และคัดกรอง", ("health_service", "รพ.สต.บ้านนา", "ดูแลข้อมูล: และคัดกรอง")),
        ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน: เยี่ยมบ้าน", ("volunteers", "อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "เยี่ยมบ้าน")),
        ("คณะกรรมการมัสยิดและวัด: ประชาสัมพันธ์", ("community", "คณะกรรมการมัสยิดและวัด", "ประชาสัมพันธ์")),
        ("บริษัทน้ำดื่ม: บริจาคน้ำ", ("other", "บริษัทน้ำดื่ม", "บริจาคน้ำ")),
    ],
)
def test_the_migration_splits_a_line_into_type_name_and_role(line, expected):
    name, role = MIGRATION.split_line(line)
    assert (MIGRATION.kind_of(name), name, role) == expected


def test_the_migration_keeps_a_line_too_long_for_a_name_whole_as_the_role():
    line = "ชาวบ้าน" * 40  # 280 characters, no colon
    name, role = MIGRATION.split_line(line)
    assert len(name) <= 200 and role == line


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_each_reports_text_into_rows_and_back():
    "Forward, every line of the old text is a row; backward, the rows are the text again"
    executor = MigrationExecutor(connection)
    before, after = [("sites", "0005_track_menu_tables")], [("sites", "0006_key_organisations")]
    site = SiteFactory()
    try:
        executor.migrate(before)
        old_apps = executor.loader.project_state(before).apps
        OldReport = old_apps.get_model("sites", "CapacityReport")
        text = "องค์การบริหารส่วนตำบลเกาะขวาง: สนับสนุนงบ\n\n- อสม. 9 หมู่บ้าน: เยี่ยมบ้าน\nกลุ่มเยาวชน"
        old = OldReport.objects.create(
            site_id=site.pk, number=1, report_date="2018-02-20", key_organisations=text
        )
        OldReport.objects.create(site_id=site.pk, number=2, report_date="2018-08-20", key_organisations="")
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        rows = list(KeyOrganisation.objects.filter(report_id=old.pk).values_list("kind", "name", "role"))
        assert rows == [
            ("local_government", "องค์การบริหารส่วนตำบลเกาะขวาง", "สนับสนุนงบ"),
            ("volunteers", "อสม. 9 หมู่บ้าน", "เยี่ยมบ้าน"),
            ("community", "กลุ่มเยาวชน", ""),
        ]
        assert KeyOrganisation.objects.count() == 3
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        back = executor.loader.project_state(before).apps.get_model("sites", "CapacityReport")
        assert back.objects.get(pk=old.pk).key_organisations == (
            "องค์การบริหารส่วนตำบลเกาะขวาง: สนับสนุนงบ\nอสม. 9 หมู่บ้าน: เยี่ยมบ้าน\nกลุ่มเยาวชน"
        )
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_a_report_is_found_by_its_key_organisations_and_follows_their_changes():
    "Search finds a submitted report by an organisation's name or role; a renamed one is found anew"
    from tests.search.factories import found_titles

    report = CapacityReportFactory(submitted=True)
    organisation = KeyOrganisation.objects.create(
        report=report, kind="community", name="กลุ่มออมทรัพย์สัจจะวันละบาท", role="ให้กู้ยืมเพื่อรักษาพยาบาล"
    )
    assert len(found_titles("สัจจะวันละบาท")) == 1 and len(found_titles("กู้ยืมเพื่อรักษา")) == 1
    organisation.name = "ชมรมจักรยานเพื่อสุขภาพ"
    organisation.save()
    assert found_titles("สัจจะวันละบาท") == [] and len(found_titles("จักรยานเพื่อสุขภาพ")) == 1
    organisation.delete()
    assert found_titles("จักรยานเพื่อสุขภาพ") == []
