"""Sign-in lockout by account, not by shared address; an address is locked only while it fails
across many accounts; the client's address read behind the configured number of proxies."""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from chsd_portal.lockout import client_ip_address
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SHARED = "10.20.30.40"  # a hospital's NAT, or the TLS proxy


def sign_in(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def test_a_sixth_wrong_password_from_a_shared_address_does_not_stop_another_user_signing_in(client):
    UserFactory(username="nurse1")
    UserFactory(username="nurse2")
    responses = [sign_in(client, "nurse1", "wrong", REMOTE_ADDR=SHARED) for _ in range(6)]
    assert responses[-1].status_code == 429  # nurse1's own account is locked
    response = sign_in(client, "nurse2", PASSWORD, REMOTE_ADDR=SHARED)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_locked_account_stays_locked_from_every_address(client):
    UserFactory(username="nurse1")
    for _ in range(5):
        sign_in(client, "nurse1", "wrong", REMOTE_ADDR=SHARED)
    assert sign_in(client, "nurse1", PASSWORD, REMOTE_ADDR="192.0.2.99").status_code == 429


def test_a_spray_across_many_accounts_from_one_address_is_blocked(client, settings):
    settings.LOCKOUT_ACCOUNTS_PER_ADDRESS = 10
    UserFactory(username="nurse2")
    for index in range(10):
        sign_in(client, f"guess{index}", "Password1", REMOTE_ADDR="198.51.100.7")
    # Even a real account with its right password is refused from that address, told why ...
    refused = sign_in(client, "nurse2", PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert "บัญชีของคุณเองไม่ได้ถูกระงับ" in refused.content.decode()
    assert sign_in(client, "guess99", "Password1", REMOTE_ADDR="198.51.100.7").status_code == 429
    # ... but not from any other.
    assert sign_in(client, "nurse2", PASSWORD, REMOTE_ADDR=SHARED).status_code == 302


def test_failures_across_fewer_accounts_than_the_limit_lock_no_address(client, settings):
    settings.LOCKOUT_ACCOUNTS_PER_ADDRESS = 10
    UserFactory(username="nurse2")
    for index in range(9):
        sign_in(client, f"typo{index}", "wrong", REMOTE_ADDR=SHARED)
    assert sign_in(client, "nurse2", PASSWORD, REMOTE_ADDR=SHARED).status_code == 302


def test_a_spray_from_one_client_behind_the_proxy_locks_only_that_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOCKOUT_ACCOUNTS_PER_ADDRESS = 10
    UserFactory(username="nurse2")
    for index in range(10):
        sign_in(client, f"guess{index}", "x", REMOTE_ADDR=SHARED, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    behind_proxy = {"REMOTE_ADDR": SHARED, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert sign_in(client, "nurse2", PASSWORD, **behind_proxy).status_code == 302


# The client's address -----------------------------------------------------------------------


def address(settings, proxies, remote="10.0.0.2", forwarded=None):
    settings.TRUSTED_PROXY_COUNT = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize("forwarded", [None, "203.0.113.7", "6.6.6.6, 203.0.113.7", "garbage"])
def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings, forwarded):
    assert address(settings, 0, forwarded=forwarded) == "10.0.0.2"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client's own prefix proves nothing
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_with_trusted_proxies_the_client_is_read_past_exactly_that_many(
    settings, proxies, forwarded, expected
):
    assert address(settings, proxies, forwarded=forwarded) == expected


def test_the_failed_attempt_records_the_address_read_past_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    sign_in(client, "nobody", "x", REMOTE_ADDR=SHARED, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    sign_in(client, "nobody2", "x", REMOTE_ADDR=SHARED, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccessAttempt.objects.get(username="nobody2").ip_address == SHARED
