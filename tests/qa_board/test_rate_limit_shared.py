"""The rate limit holds when the portal runs as several processes: posts that arrive at the same
instant on different workers are all counted in the shared database cache
(qa_board/ratelimit_cache.py), so no more than the limit is published. Each thread here has its
own database connection, as each gunicorn worker has."""

import threading

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.urls import reverse

from qa_board.models import Moderation, Question

from .factories import ask_data

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 12
SHARED_CACHE = {
    "BACKEND": "qa_board.ratelimit_cache.RateLimitDatabaseCache",
    "LOCATION": "qa_board_ratelimit_shared_test",
}


@pytest.fixture
def shared_cache(settings):
    settings.CACHES = {**settings.CACHES, "ratelimit": SHARED_CACHE}
    call_command("createcachetable", verbosity=0)
    cache = caches["ratelimit"]
    cache.clear()
    yield cache
    cache.clear()


def _all_at_once(work, count: int) -> list:
    """Run work(i) in `count` threads released together; each closes its own connection."""
    start = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(i):
        try:
            start.wait()
            results[i] = work(i)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    return results


def test_increments_from_many_connections_at_once_are_all_counted(shared_cache):
    shared_cache.add("burst", 0, 600)

    def bump(_i):
        return [shared_cache.incr("burst") for _ in range(20)]

    seen = [value for values in _all_at_once(bump, THREADS) for value in values]
    # Every increment saw a value of its own: none was lost to another connection's write.
    assert sorted(seen) == list(range(1, THREADS * 20 + 1))
    assert shared_cache.get("burst") == THREADS * 20


def test_an_increment_keeps_the_windows_expiry(shared_cache):
    shared_cache.add("window", 0, 600)
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM qa_board_ratelimit_shared_test WHERE cache_key LIKE %s", ["%window"]
        )
        before = cursor.fetchone()[0]
        shared_cache.incr("window")
        cursor.execute(
            "SELECT expires FROM qa_board_ratelimit_shared_test WHERE cache_key LIKE %s", ["%window"]
        )
        assert cursor.fetchone()[0] == before


def test_a_burst_of_posts_from_one_address_on_several_workers_publishes_no_more_than_the_limit(
    shared_cache, settings
):
    settings.QA_BOARD_MIN_SECONDS = 0
    settings.QA_BOARD_RATE_PER_ADDRESS = "5/10m"

    def post(i):
        response = Client().post(
            reverse("qa_board:ask"),
            ask_data(title=f"ขอสอบถามเรื่องที่ {i}", body=f"รายละเอียดคำถามข้อที่ {i} ค่ะ"),
            REMOTE_ADDR="192.0.2.50",
        )
        return response.status_code

    statuses = _all_at_once(post, THREADS)
    assert statuses == [302] * THREADS  # every post is kept: published or held, never lost
    published = Question.objects.filter(moderation=Moderation.PUBLISHED).count()
    held = Question.objects.filter(moderation=Moderation.HELD)
    assert published == 5
    assert held.count() == THREADS - 5
    assert all("rate_limit" in question.hold_reasons for question in held)
