"""Whole-page caching that can never show stale data.

A cached page's key holds the data-version counters of the areas it reads; database triggers
bump them on every write, so the first request after a save renders afresh. Pages are cached
per session for signed-in people (their menu, buttons and CSRF token are theirs) and shared
among visitors. Requests carrying one-off messages ("บันทึกแล้ว") are never served from or
stored in the cache.
"""

from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.utils import translation

from . import menu
from .datasql import data_version


def _has_pending_messages(request) -> bool:
    return "messages" in request.COOKIES or "_messages" in getattr(request, "session", {})


def cache_page_by_data_version(*areas: str, timeout: int = 600):
    """Decorate a view (function, or `dispatch` via method_decorator) reading the given areas."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "GET" or _has_pending_messages(request):
                return view(request, *args, **kwargs)
            user = getattr(request, "user", None)
            who = request.session.session_key if user is not None and user.is_authenticated else "visitor"
            raw = "|".join(
                (
                    request.get_full_path(),
                    translation.get_language() or "",
                    data_version(tuple(dict.fromkeys((*areas, *menu.data_areas())))),
                    who or "",
                )
            )
            key = "page:" + hashlib.sha256(raw.encode()).hexdigest()
            response = cache.get(key)
            if response is not None:
                return response
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            # A visitor's page that holds a fresh CSRF token is theirs alone: never share it.
            fresh_token = who == "visitor" and request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            if response.status_code == 200 and not response.cookies and not fresh_token:
                cache.set(key, response, timeout)
            return response

        return wrapper

    return decorator
