"""Generate the news and meetings share of the benchmark's data set: 5,000 articles in five
categories, each with seed 002's full body, some at sites, with read counts.

Run through `bench/run.py` (it points Django at the separate `chsd_bench` database).
"""

import datetime as dt
import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chsd_portal.settings.prod")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from meetings.models import Article, ArticleReadCount, Category  # noqa: E402
from meetings.text.markdown import render_body  # noqa: E402
from sites.models import Site  # noqa: E402

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "5000"))
SEED = json.loads((Path(__file__).resolve().parent.parent / "meetings/demo/articles.json").read_text("utf-8"))


@transaction.atomic
def main() -> None:
    if Article.objects.count() >= ARTICLES:
        print(f"article data present: {Article.objects.count():,} articles")
        return
    rng = random.Random(20261201)
    body = next(row["body"] for row in SEED["articles"] if row.get("seed") == "002")
    html = render_body(body)
    categories = [
        Category.objects.get_or_create(name=name, defaults={"order": n})[0]
        for n, name in enumerate(
            ["ประชุมทีมพี่เลี้ยง", "ประชุมคณะกรรมการกำกับดูแลแผนงาน", "ข่าวกิจกรรม", "ประชุมกับพื้นที่", "ข่าวประชาสัมพันธ์"]
        )
    ]
    sites = list(Site.objects.values_list("id", flat=True)[:200]) or [None]
    start = dt.date(2012, 1, 1)
    articles = Article.objects.bulk_create(
        [
            Article(
                title=f"ประชุมทีมพี่เลี้ยง ครั้งที่ {n + 1}",
                date=start + dt.timedelta(days=n % 4000),
                category=rng.choice(categories),
                summary="สพช. จัดประชุมทีมพี่เลี้ยงแผนงานพัฒนาระบบสุขภาพชุมชน",
                body=body,
                body_html=html,
                status=Article.Status.PUBLISHED if n % 20 else Article.Status.DRAFT,
                site_id=rng.choice(sites) if n % 3 == 0 else None,
            )
            for n in range(ARTICLES)
        ],
        batch_size=500,
    )
    ArticleReadCount.objects.bulk_create(
        [ArticleReadCount(article=article, count=rng.randint(0, 2000)) for article in articles],
        batch_size=1000,
    )
    print(f"articles: {len(articles):,} created")


if __name__ == "__main__":
    main()
