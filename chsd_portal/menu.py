"""The site menu, filled by the apps: `chsd_portal` knows no app, so each app registers its own
entries from its `AppConfig.ready()`. An entry appears only once its page exists."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class MenuEntry:
    key: str
    label: str
    url_name: str
    order: int = 100
    # Returns the entry's sub-items as (label, url) pairs, or (label, url, [(label, url), ...]) for
    # an item with a third level (a site and its pages); called once per page render.
    children: Callable[[], list[tuple]] | None = None
    # Who sees it: None for everyone, else a callable taking the user.
    visible_to: Callable[[object], bool] | None = None


_entries: dict[str, MenuEntry] = {}
_data_areas: set[str] = set()


def register(entry: MenuEntry) -> None:
    _entries[entry.key] = entry


def register_data_area(area: str) -> None:
    """Say that menu entries read the data-version `area` (see chsd_portal.cache): every cached
    page shows the menu, so every cached page's key includes it and a change there renews them."""
    _data_areas.add(area)


def data_areas() -> tuple[str, ...]:
    return tuple(sorted(_data_areas))


def entries_for(request) -> list[dict]:
    """The menu as a template reads it, for the request's user and path."""
    user = getattr(request, "user", None)
    path = getattr(request, "path", "")
    items = []
    for entry in sorted(_entries.values(), key=lambda e: (e.order, e.key)):
        if entry.visible_to is not None and not entry.visible_to(user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        children = entry.children() if entry.children else []
        active = path == url if url == "/" else path.startswith(url)
        items.append(
            {
                "key": entry.key,
                "label": entry.label,
                "url": url,
                "children": [_child(*child) for child in children],
                "active": active,
            }
        )
    return items


def _child(label: str, url: str, children=()) -> dict:
    return {"label": label, "url": url, "children": [{"label": text, "url": href} for text, href in children]}
