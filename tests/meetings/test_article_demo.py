"""The demo's news and meetings: seed 002's article with its full text as the seed has it (every
line of tests/meetings/data/seed_002_article.txt, a verbatim copy of the seed's article), in
category ประชุมทีมพี่เลี้ยง, อ่าน 1460, and the related items the seed lists, spelled as it spells
them, newest first."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from meetings.demo.articles import load_demo_articles
from meetings.models import Article

pytestmark = pytest.mark.django_db

SEED = Path(__file__).with_name("data") / "seed_002_article.txt"
SEED_RELATED = [
    "Scenario ระบบสุขภาพชุมชน",
    "ประชุมคณะกรรมการกำกับดูแลแผนงาน",
    "ประชุมทีมพี่เลียงภาคตะวันออกเฉียงเหนือและเตรียมงานพื้นที่ต้นแบบ",
    "ประชุมทีมพี่เลียงภาคกลาง",
]


def squeeze(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def seed_lines() -> list[str]:
    """The seed's lines of text, less the list numbers and bullets an HTML list draws itself."""
    lines = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = squeeze(line)
        if not line:
            continue
        line = re.sub(r"^(?:•|\d+\.(?!\d))\s*", "", line)
        lines.append(line)
    return lines


def test_the_seed_article_carries_every_line_of_the_seed_with_its_lists(client):
    load_demo_articles()
    load_demo_articles()  # idempotent
    article = Article.objects.get(title="ประชุมทีมพี่เลี้ยง")
    assert Article.objects.filter(title="ประชุมทีมพี่เลี้ยง").count() == 1
    assert article.category.name == "ประชุมทีมพี่เลี้ยง"
    text = squeeze(strip_tags(article.body_html))
    missing = [line for line in seed_lines() if line not in text]
    assert missing == []
    assert len(seed_lines()) == 68
    html = article.body_html
    assert (
        html.count("<ol>") == 5 and html.count("<ul>") == 1 and html.count("<li>") == 4 + 11 + 2 + 2 + 5 + 5
    )
    for region in ("ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคใต้"):
        assert f"<h2>{region}</h2>" in html
    page = client.get(
        article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0"
    ).content.decode()
    assert "อ่าน 1461" in page  # the old site's 1460, and this visit
    related = page[page.index('id="related-heading"') :]
    positions = [related.index(f">{title}</a>") for title in SEED_RELATED]
    assert positions == sorted(positions)


def test_the_list_opens_with_the_demo_articles(client):
    load_demo_articles()
    page = client.get(reverse("meetings:article-list")).content.decode()
    for title in ["ประชุมทีมพี่เลี้ยง", *SEED_RELATED]:
        assert f">{title}</a>" in page
