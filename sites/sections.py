"""What higher apps add to a site: sections of the site page (its workshops, its projects) and
links under the site in the menu (ประชุมกับพื้นที่). `sites` imports no higher app; each registers
here from its own `AppConfig.ready()`, as apps register menu entries with chsd_portal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class SiteSection:
    key: str
    # The partial that draws the section; it reads its data as `section`.
    template: str
    # Returns the partial's data for (request, site), or None to leave the section out. Each must
    # cost a fixed number of queries: the site page's count is pinned.
    context: Callable[[object, object], dict | None]
    order: int = 100


@dataclass(frozen=True)
class SiteMenuLink:
    key: str
    label: str
    # A URL name taking the site's sub-district code.
    url_name: str
    order: int = 100


_sections: dict[str, SiteSection] = {}
_menu_links: dict[str, SiteMenuLink] = {}


def register_section(section: SiteSection) -> None:
    _sections[section.key] = section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def register_menu_link(link: SiteMenuLink) -> None:
    _menu_links[link.key] = link


def sections_for(request, site) -> list[dict]:
    """The site page's registered sections: [{"key", "template", "data"}], in order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        data = section.context(request, site)
        if data is not None:
            shown.append({"key": section.key, "template": section.template, "data": data})
    return shown


def menu_links_for(code: str) -> list[tuple[str, str]]:
    """The (label, url) pairs listed under one site in the menu."""
    links = []
    for link in sorted(_menu_links.values(), key=lambda item: (item.order, item.key)):
        try:
            links.append((link.label, reverse(link.url_name, args=[code])))
        except NoReverseMatch:
            continue
    return links
