"""Data-version counters move with every write, whatever path wrote it, so cached pages are
never stale."""

import pytest
from django.db import connection

from chsd_portal.datasql import data_version
from programmes.models import Programme
from tests.programmes.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_an_orm_save_bumps_the_programmes_counter():
    before = data_version(("programmes",))
    programme = ProgrammeFactory()
    after_insert = data_version(("programmes",))
    programme.name = "แผนงานที่แก้ชื่อแล้ว"
    programme.save()
    assert len({before, after_insert, data_version(("programmes",))}) == 3


def test_raw_sql_and_bulk_updates_bump_it_too():
    ProgrammeFactory()
    before = data_version(("programmes",))
    Programme.objects.update(summary="ปรับพร้อมกันทั้งหมด")
    after_bulk = data_version(("programmes",))
    with connection.cursor() as cursor:
        cursor.execute("UPDATE programmes_programme SET summary = 'sql'")
    assert len({before, after_bulk, data_version(("programmes",))}) == 3


def test_several_areas_read_in_one_query(django_assert_num_queries):
    ProgrammeFactory()
    with django_assert_num_queries(1):
        combined = data_version(("programmes", "sites"))
    assert combined.startswith("programmes:")
