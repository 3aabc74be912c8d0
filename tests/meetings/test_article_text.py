"""Article bodies: Markdown becomes the HTML readers get, and nh3 keeps every hostile thing a
writer could type or paste out of it (script, event attributes, javascript: links, inline style,
iframes), as saved by the service."""

from html.parser import HTMLParser

import pytest

from meetings.text.markdown import image_keys, render_body, sanitise
from tests.meetings.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>ข้อความ",
    '<p onclick="steal()">คลิก</p>',
    '<img src="/x.png" onerror="steal()">',
    "[ลิงก์](javascript:alert(1))",
    '<a href="javascript:alert(1)">ลิงก์</a>',
    '<a href="JaVaScRiPt:alert(1)">ลิงก์</a>',
    '<a href="&#106;avascript:alert(1)">ลิงก์</a>',
    '<a href=" javascript:alert(1)">ลิงก์</a>',
    '<p style="background:url(x)">สี</p>',
    "<style>body{display:none}</style>ข้อความ",
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example/"><input name="p"></form>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    "![x](https://evil.example/track.gif)",
    '<img src="https://evil.example/track.gif">',
    "<!-- <script>alert(1)</script> -->",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
]
DANGEROUS_TAGS = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "input",
    "svg",
    "math",
    "base",
    "meta",
}


class Elements(HTMLParser):
    """Every element and attribute of the HTML, as a browser's parser sees them."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.comments = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_comment(self, data):
        self.comments.append(data)


def problems_in(html: str) -> list[str]:
    parsed = Elements(html)
    problems = [f"comment {c!r}" for c in parsed.comments]
    for tag, attrs in parsed.found:
        if tag in DANGEROUS_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            value = (value or "").strip().lower()
            if name.startswith("on") or name == "style" or ":" in name:
                problems.append(f"{tag} {name}")
            if name in ("href", "src") and not value.startswith(
                ("https://", "http://", "mailto:", "tel:", "/")
            ):
                problems.append(f"{tag} {name}={value}")
            if tag == "img" and name == "src" and not value.startswith("/news/images/"):
                problems.append(f"img from {value}")
    return problems


@pytest.mark.parametrize("typed", HOSTILE)
def test_nothing_hostile_survives_the_sanitiser(typed):
    "A payload typed into the body leaves no dangerous element or attribute in the saved HTML"
    article = ArticleFactory(body=f"ย่อหน้าแรก\n\n{typed}\n\nย่อหน้าสุดท้าย")
    article.refresh_from_db()
    assert problems_in(article.body_html) == [], article.body_html
    assert "ย่อหน้าสุดท้าย" in article.body_html


def test_the_checker_itself_sees_each_kind_of_danger():
    "The test above would fail on unsanitised HTML"
    raw = "".join(HOSTILE)
    found = " ".join(problems_in(raw))
    for part in (
        "<script>",
        "onclick",
        "onerror",
        "style",
        "<iframe>",
        "javascript:",
        "data:",
        "img from https",
    ):
        assert part in found


def test_a_document_keeps_its_headings_lists_bold_links_and_tables():
    html = render_body(
        "# หัวข้อ\n\n## หัวข้อย่อย\n\n**ตัวหนา** และ [ลิงก์](https://example.org/a)\n\n"
        "1. หนึ่ง\n2. สอง\n\n- ก\n- ข\n\n| ชื่อ | จำนวน |\n| --- | ---: |\n| อสม. | 5 |\n"
    )
    assert "<h2>หัวข้อ</h2>" in html and "<h3>หัวข้อย่อย</h3>" in html
    assert "<strong>ตัวหนา</strong>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer">ลิงก์</a>' in html
    assert "<ol>" in html and "<li>สอง</li>" in html and "<ul>" in html
    assert "<table>" in html and "<th>ชื่อ</th>" in html and "<td>5</td>" in html
    assert "style" not in html  # a column's alignment comes out as an inline style: dropped


def test_the_title_stays_the_only_h1():
    assert "<h1" not in render_body("# ใหญ่ที่สุด")


def test_a_line_break_typed_is_kept():
    assert render_body("บรรทัดแรก\nบรรทัดที่สอง") == "<p>บรรทัดแรก<br>\nบรรทัดที่สอง</p>"


def test_only_the_portals_own_pictures_keep_their_address():
    key = "a" * 32
    html = render_body(f"![ภาพ](/news/images/{key}/large.jpg)", images={key: (800, 600)})
    assert f'src="/news/images/{key}/large.jpg"' in html
    assert 'width="800"' in html and 'height="600"' in html and 'loading="lazy"' in html
    assert "src=" not in sanitise('<img src="/media/../../etc/passwd">')
    assert image_keys(f"![a](/news/images/{key}/large.jpg) ![b](/news/images/{key}/small.jpg)") == [key]
