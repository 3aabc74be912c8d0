import pytest
from django.urls import reverse

from sites.models import District, Province

pytestmark = pytest.mark.django_db


def test_districts_endpoint_lists_a_provinces_districts_in_thai_order(client, geography):  # noqa: F811
    chanthaburi = Province.objects.get(code="22")
    response = client.get(reverse("sites:districts"), {"province": chanthaburi.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    districts = response.json()
    assert len(districts) == 10
    assert set(districts[0]) == {"id", "name", "code"}
    assert {d["code"][:2] for d in districts} == {"22"}
    mueang = next(d for d in districts if d["code"] == "2201")
    assert mueang == {
        "id": District.objects.get(code="2201").pk,
        "name": "เมืองจันทบุรี",
        "code": "2201",
    }
    assert [d["name"] for d in districts][:2] == ["แก่งหางแมว", "ขลุง"]


def test_subdistricts_endpoint_lists_a_districts_subdistricts(client, geography):  # noqa: F811
    mueang = District.objects.get(code="2201")
    response = client.get(reverse("sites:subdistricts"), {"district": mueang.pk})
    assert response.status_code == 200
    subdistricts = response.json()
    assert "เกาะขวาง" in [s["name"] for s in subdistricts]
    assert {s["code"][:4] for s in subdistricts} == {"2201"}
    assert len(subdistricts) == mueang.subdistricts.count()


def test_the_lists_may_be_cached_for_a_day_by_anyone(client, geography):  # noqa: F811
    response = client.get(reverse("sites:districts"), {"province": Province.objects.get(code="22").pk})
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=86400"} <= cache_control
    assert "Set-Cookie" not in response.headers


def test_an_unknown_parent_gives_an_empty_list(client, geography):  # noqa: F811
    response = client.get(reverse("sites:subdistricts"), {"district": 987654321})
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"province": ""},
        {"province": "abc"},
        {"province": "-1"},
        {"province": "0"},
        {"province": "1.5"},
        {"province": "๒๒"},
        {"province": "9" * 40},
        {"district": "1"},
    ],
)
def test_districts_endpoint_answers_400_to_a_missing_or_malformed_province(client, query):
    response = client.get(reverse("sites:districts"), query)
    assert response.status_code == 400
    assert "error" in response.json()
    assert "public" not in response.get("Cache-Control", "")


def test_subdistricts_endpoint_answers_400_to_junk(client):
    assert client.get(reverse("sites:subdistricts"), {"district": "1; drop table"}).status_code == 400
    assert client.get(reverse("sites:subdistricts")).status_code == 400


def test_the_endpoints_answer_only_get(client):
    assert client.post(reverse("sites:districts"), {"province": "1"}).status_code == 405


def test_each_list_costs_one_query_however_long(client, geography, django_assert_max_num_queries):  # noqa: F811
    bangkok = Province.objects.get(code="10")  # 50 districts
    district = District.objects.get(code="2201")
    with django_assert_max_num_queries(1):
        assert len(client.get(reverse("sites:districts"), {"province": bangkok.pk}).json()) == 50
    with django_assert_max_num_queries(1):
        assert client.get(reverse("sites:subdistricts"), {"district": district.pk}).status_code == 200
