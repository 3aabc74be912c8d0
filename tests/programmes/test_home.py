import pytest
from django.urls import reverse

from programmes.demo.programme import load_demo_programme
from tests.programmes.factories import IndicatorFactory, OutcomeFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_seed_programme_in_thai(client):
    load_demo_programme(password="x")
    response = client.get(reverse("programmes:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th">' in html
    assert "โครงการพัฒนาระบบสุขภาพชุมชนโดยชุมชนเพื่อชุมชน" in html
    for heading in ("วัตถุประสงค์", "เป้าหมาย", "ตัวชี้วัด", "แนวทางการดำเนินงาน", "ผลลัพธ์"):
        assert heading in html
    assert "เชิงปริมาณ" in html and "เชิงคุณภาพ" in html
    assert "จำนวน 78 แห่ง" in html
    assert "ระดับตำบล โดย 3 องค์กรหลัก" in html


def test_outcomes_are_listed_as_a_numbered_tree_in_natural_order(client):
    programme = ProgrammeFactory(on_home_page=True)
    for path in ([2], [1, 10], [1], [1, 2]):
        OutcomeFactory(programme=programme, path=path, text=f"outcome {path}")
    html = client.get(reverse("programmes:home")).content.decode()
    positions = [html.index(f"outcome {p}") for p in ([1], [1, 2], [1, 10], [2])]
    assert positions == sorted(positions)
    assert '<span class="num">1.10</span>' in html


def test_home_page_query_count_does_not_grow_with_the_lists(client, django_assert_max_num_queries):
    programme = ProgrammeFactory(on_home_page=True)
    IndicatorFactory.create_batch(30, programme=programme)
    OutcomeFactory.create_batch(30, programme=programme)
    # 11: the programme and its lists, the menu's sites, the sites block, the latest workshops,
    # meetings' latest articles (1, added with the articles), qa_board's block of answered questions,
    # gallery's strip of the latest albums (1, added with the gallery).
    with django_assert_max_num_queries(11):
        assert client.get(reverse("programmes:home")).status_code == 200
