"""Sessions are Django's cached_db store: read from the shared session cache, else with one
query from the database (as in the tests, whose caches are dummies), and otherwise Django's."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def test_a_saved_session_is_read_back_in_one_query(django_assert_num_queries):
    store = SessionStore()
    store["_auth_user_id"] = "7"
    store.create()
    with django_assert_num_queries(1):
        assert SessionStore(store.session_key).load() == {"_auth_user_id": "7"}


def test_an_expired_session_reads_as_empty_and_loses_its_key():
    store = SessionStore()
    store["x"] = 1
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    stale = SessionStore(store.session_key)
    assert stale.load() == {}
    assert stale.session_key is None


def test_an_unknown_or_missing_key_reads_as_empty():
    assert SessionStore("k" * 32).load() == {}
    assert SessionStore(None).load() == {}


def test_signing_in_and_out_still_works_through_the_portal(client):
    from tests.factories import PASSWORD, UserFactory

    UserFactory(username="sessionuser")
    response = client.post("/accounts/login/", {"username": "sessionuser", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").wsgi_request.user.is_authenticated
    client.post("/accounts/logout/")
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_with_the_shared_file_cache_a_session_is_read_without_a_query_and_ends_for_every_worker(
    tmp_path, django_assert_num_queries
):
    """Production's session cache: a folder every gunicorn worker reads, so a session ended by
    one worker (logout) is gone for the others too."""
    file_cache = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": tmp_path}
    with override_settings(CACHES={**settings.CACHES, "sessions": file_cache}):
        store = SessionStore()
        store["_auth_user_id"] = "7"
        store.create()
        with django_assert_num_queries(0):
            assert SessionStore(store.session_key).load() == {"_auth_user_id": "7"}
        # Another worker: its own cache object on the same folder.
        other_worker = type(caches["sessions"])(str(tmp_path), {})
        assert other_worker.get(store.cache_key) == {"_auth_user_id": "7"}
        SessionStore(store.session_key).delete()
        assert other_worker.get(store.cache_key) is None
        assert SessionStore(store.session_key).load() == {}
