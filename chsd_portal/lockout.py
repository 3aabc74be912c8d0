"""Who django-axes locks out after failed sign-ins, and from which address a sign-in comes.

A lockout by address alone lets any visitor lock out everyone who shares that address (a
hospital's NAT, the TLS proxy in front of production). So failures count per account
(AXES_FAILURE_LIMIT wrong passwords lock that account), and an address is locked as a whole only
while it has failed for LOCKOUT_ACCOUNTS_PER_ADDRESS different accounts within the cool-off time:
a password spray, not a colleague's typo.
"""

from __future__ import annotations

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.models import AccessAttempt, AccessBase
from django.conf import settings


def _valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address of the client, behind TRUSTED_PROXY_COUNT proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N
    trusted proxies the client is the N-th entry from the right; anything left of it was written
    by the client and proves nothing. With no trusted proxy the header is ignored altogether.
    django-ipware (which axes would otherwise use) is not installed: its current algorithm falls
    back to the proxy's own address when a client adds a header of its own, which is exactly
    the shared address this module avoids locking.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        forwarded = [part for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            address = _valid_ip(forwarded[-count])
            if address:
                return address
    return _valid_ip(request.META.get("REMOTE_ADDR"))


def address_is_spraying(ip_address: str | None, *, request=None) -> bool:
    """Whether the address has failed to sign in as many different accounts lately."""
    if not ip_address:
        return False
    attempts = AccessAttempt.objects.filter(ip_address=ip_address)
    if request is not None and getattr(request, "axes_attempt_time", None) is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    accounts = attempts.values("username").distinct()[: settings.LOCKOUT_ACCOUNTS_PER_ADDRESS]
    return len(accounts) >= settings.LOCKOUT_ACCOUNTS_PER_ADDRESS


def lockout_parameters(request_or_attempt, credentials=None) -> list:
    """AXES_LOCKOUT_PARAMETERS: lock the account; lock the address too while it sprays."""
    if isinstance(request_or_attempt, AccessBase):
        return ["username"]
    request = request_or_attempt
    ip_address = getattr(request, "axes_ip_address", None) or client_ip_address(request)
    if address_is_spraying(ip_address, request=request):
        # The lockout page tells the person it is their address, not their account.
        request.axes_address_locked = True
        return ["username", "ip_address"]
    return ["username"]
