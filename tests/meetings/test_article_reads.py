"""อ่าน N: a browser is counted once a day, not on a reload, never for a robot or a draft, and the
count stays exact when many read at once (one statement against the real database)."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from meetings.models import ArticleReader
from meetings.services.articles import article_record_read
from meetings.views.articles import READER_COOKIE
from tests.meetings.factories import ArticleFactory

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


def read_count(article) -> int:
    article.refresh_from_db()
    return article.read_counter.count if hasattr(article, "read_counter") else 0


def visit(client, article, agent=BROWSER, **headers):
    return client.get(reverse("meetings:article-detail", args=[article.pk]), HTTP_USER_AGENT=agent, **headers)


def test_a_reload_does_not_count_again_but_another_browser_does():
    article = ArticleFactory()
    first = Client()
    response = visit(first, article)
    assert READER_COOKIE in response.cookies and response.cookies[READER_COOKIE]["httponly"]
    assert "อ่าน 1" in response.content.decode()
    assert "อ่าน 1" in visit(first, article).content.decode()  # the reload
    assert "อ่าน 2" in visit(Client(), article).content.decode()  # a new browser
    assert read_count(article) == 2


def test_the_same_browser_counts_again_the_next_day():
    article = ArticleFactory()
    assert article_record_read(article_id=article.pk, reader="a" * 32, day=dt.date(2026, 12, 1)) == 1
    assert article_record_read(article_id=article.pk, reader="a" * 32, day=dt.date(2026, 12, 1)) is None
    assert article_record_read(article_id=article.pk, reader="a" * 32, day=dt.date(2026, 12, 2)) == 2
    assert ArticleReader.objects.filter(article=article).count() == 1  # one row per browser, updated


@pytest.mark.parametrize(
    "agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Line/14.0 linkpreview",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_robots_and_link_previews_are_not_readers(agent):
    article = ArticleFactory()
    response = visit(Client(), article, agent=agent)
    assert response.status_code == 200 and READER_COOKIE not in response.cookies
    assert read_count(article) == 0


def test_a_prefetch_is_not_a_read():
    article = ArticleFactory()
    visit(Client(), article, HTTP_SEC_PURPOSE="prefetch")
    assert read_count(article) == 0


def test_a_draft_is_not_counted_while_staff_read_it(staff_user):
    article = ArticleFactory(draft=True)
    client = Client()
    client.force_login(staff_user)
    assert visit(client, article).status_code == 200
    assert read_count(article) == 0


def test_a_forged_reader_cookie_is_replaced():
    article = ArticleFactory()
    client = Client()
    client.cookies[READER_COOKIE] = "'; DROP TABLE x; --"
    response = visit(client, article)
    assert len(response.cookies[READER_COOKIE].value) == 32
    assert read_count(article) == 1


@pytest.mark.django_db(transaction=True)
def test_the_count_is_exact_with_200_readers_at_once():
    """200 browsers read at once, each in its own thread and database connection (at most 40
    connections open together, under the server's limit), released together by a barrier; each
    also reloads once. The count ends at exactly 200."""
    article = ArticleFactory()
    readers = [f"{n:032x}" for n in range(200)]
    wave = 40
    errors = []

    def read(reader, barrier):
        try:
            barrier.wait()
            article_record_read(article_id=article.pk, reader=reader, day=dt.date(2026, 12, 1))
            article_record_read(article_id=article.pk, reader=reader, day=dt.date(2026, 12, 1))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    for start in range(0, len(readers), wave):
        barrier = threading.Barrier(wave)
        threads = [threading.Thread(target=read, args=(r, barrier)) for r in readers[start : start + wave]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert read_count(article) == 200
    assert ArticleReader.objects.filter(article=article).count() == 200
