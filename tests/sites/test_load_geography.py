from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from sites.collation import thai_sort_key
from sites.models import District, Province, Subdistrict
from sites.services.geography import geography_load

pytestmark = pytest.mark.django_db


def run_load_geography(*args):
    out = StringIO()
    call_command("load_geography", *args, stdout=out)
    return out.getvalue()


def test_load_geography_loads_every_province_district_and_subdistrict():
    output = run_load_geography()
    assert (Province.objects.count(), District.objects.count(), Subdistrict.objects.count()) == (
        77,
        928,
        7436,
    )
    assert output.count("\n") == 1
    assert "77 provinces, 928 districts, 7,436 sub-districts" in output


def test_a_second_run_only_counts_and_changes_nothing(django_assert_max_num_queries):
    run_load_geography()
    before = list(Subdistrict.objects.order_by("code").values_list("pk", "code", "district_id", "latitude"))
    with django_assert_max_num_queries(3):
        output = run_load_geography()
    assert "already loaded" in output
    after = list(Subdistrict.objects.order_by("code").values_list("pk", "code", "district_id", "latitude"))
    assert after == before


def test_a_forced_reload_upserts_by_code_without_duplicating_or_renumbering():
    run_load_geography()
    Province.objects.filter(code="22").update(name_th="ชื่อผิด")
    ids = dict(Subdistrict.objects.values_list("code", "pk"))
    run_load_geography("--force")
    assert Province.objects.get(code="22").name_th == "จันทบุรี"
    assert Subdistrict.objects.count() == 7436
    assert dict(Subdistrict.objects.values_list("code", "pk")) == ids


def test_a_partial_table_is_completed_by_a_plain_run():
    Province.objects.create(code="22", name_th="จันทบุรี")
    run_load_geography()
    assert Province.objects.count() == 77
    assert Subdistrict.objects.count() == 7436


def test_ko_khwang_220104_is_in_mueang_chanthaburi_in_chanthaburi(geography):  # noqa: F811
    ko_khwang = Subdistrict.objects.select_related("district__province").get(code="220104")
    assert ko_khwang.name_th == "เกาะขวาง"
    assert ko_khwang.district.code == "2201"
    assert ko_khwang.district.name_th == "เมืองจันทบุรี"
    assert ko_khwang.district.province.name_th == "จันทบุรี"
    assert ko_khwang.postal_code == "22000"


def test_subdistricts_get_approximate_centroids_from_the_vendored_csv(geography):  # noqa: F811
    ko_khwang = Subdistrict.objects.get(code="220104")
    assert (ko_khwang.latitude, ko_khwang.longitude) == (Decimal("12.562"), Decimal("102.090"))
    with_coordinates = Subdistrict.objects.filter(latitude__isnull=False, longitude__isnull=False).count()
    assert with_coordinates == geography.with_coordinates
    assert with_coordinates > 7200
    # Every point lies in Thailand.
    assert not Subdistrict.objects.filter(latitude__lt=5).exists()
    assert not Subdistrict.objects.filter(longitude__gt=106).exists()


def test_bangkok_districts_match_the_csv_without_their_khet_prefix(geography):  # noqa: F811
    phra_borom = Subdistrict.objects.select_related("district").get(code="100101")
    assert phra_borom.district.name_th == "เขตพระนคร"
    assert phra_borom.latitude is not None


def test_the_geography_fixture_loads_only_when_the_tables_are_not_full(geography):  # noqa: F811
    assert geography.subdistricts == 7436
    assert geography_load().already_loaded


def test_lists_are_in_thai_dictionary_order_leading_vowels_filed_under_their_consonant(geography):  # noqa: F811
    names = list(District.objects.filter(province__code="22").values_list("name_th", flat=True))
    assert names == [
        "แก่งหางแมว",
        "ขลุง",
        "เขาคิชฌกูฏ",
        "ท่าใหม่",
        "นายายอาม",
        "โป่งน้ำร้อน",
        "มะขาม",
        "เมืองจันทบุรี",
        "สอยดาว",
        "แหลมสิงห์",
    ]


def test_saving_a_place_keeps_its_sort_key_in_step_with_its_name():
    province = Province.objects.create(code="99", name_th="เมืองทดสอบ")
    assert province.sort_name == thai_sort_key("เมืองทดสอบ")
    province.name_th = "ไม้ทดสอบ"
    province.save(update_fields=["name_th"])
    province.refresh_from_db()
    assert province.sort_name == thai_sort_key("ไม้ทดสอบ")


def test_thai_sort_key_ignores_tone_marks_except_to_break_ties():
    assert sorted(["ไม้", "ไม", "มา", "กา"], key=thai_sort_key) == ["กา", "มา", "ไม", "ไม้"]
