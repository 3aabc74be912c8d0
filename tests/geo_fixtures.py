"""The `geography` fixture: Thailand's provinces, districts and sub-districts, for any app's tests.

Register it once in tests/conftest.py:

    from tests.geo_fixtures import geography  # noqa: F401

A test that asks for `geography` gets the 77 provinces, 928 districts and 7,436 sub-districts
(with approximate centroids) loaded by the same code as `manage.py load_geography`. It loads
whenever the tables are not full, inside the test's transaction (rolled back afterwards) or, in
a transactional test, for real (flushed afterwards), so it never leaks into other tests.
"""

import pytest


@pytest.fixture
def geography(db):
    """The loaded geography; returns the load result (counts, and whether it was already there)."""
    from sites.services.geography import geography_load

    return geography_load()
