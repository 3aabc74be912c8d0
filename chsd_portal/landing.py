"""Where a person lands after signing in, by role, filled by the apps (a mentor: "งานของฉัน"):
`chsd_portal` knows no app, so each registers its landing page from its `AppConfig.ready()`.
A "next" address (a form the person was sent away from) always wins over these."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from . import roles

_landings: dict[str, str] = {}


def register(role: str, url_name: str) -> None:
    if role not in roles.ROLE_LABELS:
        raise ValueError(f"unknown role {role!r}")
    _landings[role] = url_name


def landing_url_for(user) -> str:
    """The first registered landing page among the user's roles (most privileged role first)."""
    for role in reversed(roles.ALL_ROLES):
        if role in _landings and roles.has_role(user, role) and not user.is_superuser:
            return reverse(_landings[role])
    return settings.LOGIN_REDIRECT_URL
