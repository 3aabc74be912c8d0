"""Sections higher apps add to a lower app's detail page (a workshop's or an article's albums):
the page's app names its page ("meetings.workshop", "meetings.article") and renders `sections_for(page, request, obj)`; the higher
app registers here from its own `AppConfig.ready()`, so the lower app never imports it. A site's
page has its own registry (sites/sections.py, which also lists links in the menu), and so has a
project's (programmes/project_sections.py, which also names the data areas its cache reads)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSection:
    page: str
    key: str
    # The partial that draws the section; it reads its data as `section`.
    template: str
    # Returns the partial's data for (request, obj), or None to leave the section out. Each must
    # cost a fixed number of queries: the pages' counts are pinned.
    context: Callable[[object, object], dict | None]
    order: int = 100


_sections: dict[tuple[str, str], PageSection] = {}


def register(section: PageSection) -> None:
    _sections[(section.page, section.key)] = section


def unregister(page: str, key: str) -> None:
    _sections.pop((page, key), None)


def sections_for(page: str, request, obj) -> list[dict]:
    """The page's registered sections: [{"key", "template", "data"}], in order."""
    shown = []
    for section in sorted((s for s in _sections.values() if s.page == page), key=lambda s: (s.order, s.key)):
        data = section.context(request, obj)
        if data is not None:
            shown.append({"key": section.key, "template": section.template, "data": data})
    return shown
