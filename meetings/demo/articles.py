"""The demo's news and meetings (demo/articles.json): seed 002's article "ประชุมทีมพี่เลี้ยง" in
full, with its read count from the old site (อ่าน 1460), and the related items seed 002 lists as
short articles of their own, titles spelled as the seed spells them, in the categories staff
start with. Idempotent: an article whose title is already there is left as it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from ..models import Article, Category
from ..services.articles import article_save, article_set_read_count

DATA = Path(__file__).with_name("articles.json")


@transaction.atomic
def load_demo_articles(*, password=None, stdout=None) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    categories = {}
    for row in data["categories"]:
        categories[row["name"]], _created = Category.objects.get_or_create(
            name=row["name"], defaults={"order": row["order"], "description": row["description"]}
        )
    author = get_user_model().objects.filter(username="staff").first()
    created = 0
    for row in data["articles"]:
        if Article.objects.filter(title=row["title"]).exists():
            continue
        article = article_save(
            article=Article(
                title=row["title"],
                date=dt.date.fromisoformat(row["date"]),
                category=categories[row["category"]],
                summary=row["summary"],
                body=row["body"],
                status=Article.Status.PUBLISHED,
                author=author,
            )
        )
        if row["read_count"]:
            article_set_read_count(article=article, count=row["read_count"])
        created += 1
    if stdout is not None:
        stdout.write(f"articles: {created} created")
