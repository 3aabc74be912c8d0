"""The board's tests count posts in a real cache: each starts with the counters at zero."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()
