"""The session store reads a session with one plain query and otherwise behaves as Django's."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from chsd_portal.sessions import SessionStore

pytestmark = pytest.mark.django_db


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
