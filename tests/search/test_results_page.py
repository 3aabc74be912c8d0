"""The results page /search/: counts per kind, highlights (escaped), pages, "did you mean",
the box on every page, and a fixed number of queries whatever the index holds."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from chsd_portal.search.highlight import marked, snippet
from chsd_portal.search.text import query_parts
from tests.search.factories import indexed

pytestmark = pytest.mark.django_db

URL = reverse("search:results")


def _html(client, **params) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_highlights_are_escaped_and_follow_tone_marks_and_spacing():
    assert marked("<b>พี่เลี้ยง</b>", query_parts("พี่เลียง")) == "&lt;b&gt;<mark>พี่เลี้ยง</mark>&lt;/b&gt;"
    assert marked("กระดานถาม - ตอบ", query_parts("กระดานถาม-ตอบ")) == "<mark>กระดานถาม - ตอบ</mark>"
    assert marked("ปี ๒๕๖๔", query_parts("2564")) == "ปี <mark>๒๕๖๔</mark>"
    long = "คำนำ " * 100 + "อาสาสมัครสาธารณสุข " + "ท้ายเรื่อง " * 100
    piece = snippet(long, query_parts("อาสาสมัคร"))
    assert "<mark>อาสาสมัคร</mark>" in piece and piece.startswith("… ") and piece.endswith(" …")
    assert len(piece) < 300


def test_results_show_kind_counts_highlighted_titles_snippets_and_be_dates(client):
    import datetime as dt

    indexed(1, "อาสาสมัครกับ <script>alert(1)</script>", "เนื้อหา", date=dt.date(2021, 4, 5))
    indexed(2, "บันทึก", "ทีมอาสาสมัครลงพื้นที่", kind="programmes.project")
    html = _html(client, q="อาสาสมัคร")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<mark>อาสาสมัคร</mark>กับ" in html and "ทีม<mark>อาสาสมัคร</mark>ลงพื้นที่" in html
    assert "5 เม.ย. 2564" in html
    assert "พบ 2 รายการ" in html
    assert re.search(r'kind=programmes.project[^>]*>โครงการ <span class="badge[^"]*">1</span>', html)
    only = _html(client, q="อาสาสมัคร", kind="programmes.project")
    assert "ทีม<mark>อาสาสมัคร</mark>" in only and "alert" not in only


def test_results_are_paged_twenty_at_a_time(client):
    for n in range(45):
        indexed(n, f"ประกาศเรื่องที่ {n}")
    first = _html(client, q="ประกาศ")
    assert first.count('class="search-result"') == 20 and "พบ 45 รายการ" in first
    third = _html(client, q="ประกาศ", page=3)
    assert third.count('class="search-result"') == 5
    assert 'aria-current="page"><span class="page-link">3' in third


def test_nothing_found_says_so_in_thai_and_suggests_close_words(client):
    indexed(1, "ประชุมทีมพี่เลี้ยงแผนงาน")
    html = _html(client, q="ประชุมทีมพีเลี่ยงแผนงาม")
    assert "ไม่พบผลการค้นหาสำหรับ" in html
    assert "หรือคุณหมายถึง" in html and "ประชุมทีมพี่เลี้ยงแผนงาน" in html


def test_visitors_never_see_staff_only_documents(client, staff_user):
    indexed(1, "ร่างรายงานภายใน", public=False)
    assert "ไม่พบผลการค้นหา" in _html(client, q="ร่างรายงาน")
    client.force_login(staff_user)
    assert "<mark>ร่างรายงาน</mark>ภายใน" in _html(client, q="ร่างรายงาน")


def test_an_empty_query_a_too_long_one_and_an_unknown_kind(client):
    assert "เช่น 60-ข-087" in _html(client)
    too_long = _html(client, q="ก" * 201)
    assert "invalid-feedback" in too_long and "200" in too_long
    indexed(1, "ประกาศผล")
    assert "<mark>ประกาศ</mark>ผล" in _html(client, q="ประกาศ", kind="no-such-kind")


def test_the_search_box_is_on_every_page(client):
    html = client.get(reverse("programmes:home")).content.decode()
    assert 'id="search-box-q"' in html and f'action="{URL}"' in html


# The visitor's page: the menu's framework numbers and sites (base.html), the counts per kind,
# the page of results; with nothing found, the suggestions instead of the page. Signed in, the
# session and the user (with their roles) as well.
VISITOR_QUERIES = 4
STAFF_QUERIES = 6


@pytest.mark.parametrize("size", [3, 60])
def test_the_results_page_costs_the_same_queries_whatever_the_index_holds(client, staff_user, size):
    for n in range(size):
        indexed(n, f"ข่าวประชาสัมพันธ์ {n}", "อาสาสมัครทุกหมู่บ้าน", kind="programmes.project" if n % 2 else None)
    for params in (
        {"q": "อาสาสมัคร"},
        {"q": "อาสาสมัคร", "kind": "programmes.project", "page": "2"},
        {"q": "ไม่มีคำนี้เลย"},
    ):
        with CaptureQueriesContext(connection) as captured:
            _html(client, **params)
        assert len(captured) == VISITOR_QUERIES, [q["sql"][:120] for q in captured]
    client.force_login(staff_user)
    with CaptureQueriesContext(connection) as captured:
        _html(client, q="อาสาสมัคร")
    assert len(captured) == STAFF_QUERIES, [q["sql"][:120] for q in captured]
