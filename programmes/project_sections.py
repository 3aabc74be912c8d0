"""What higher apps add to a project's page (the articles about it, its albums): `programmes`
imports no higher app, so each registers a section here from its own `AppConfig.ready()`, as
apps add sections to a site's page through sites.sections.

The project page is cached under the programmes data version (programmes/cache.py); a section
names the data-version area its own data bumps, so the page is renewed when that data changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectSection:
    key: str
    # The partial that draws the section; it reads its data as `section`.
    template: str
    # Returns the partial's data for (request, project), or None to leave the section out. Each
    # must cost a fixed number of queries: the project page's count is pinned.
    context: Callable[[object, object], dict | None]
    # The data-version area (chsd_portal.cache) that changes when this section's data does.
    data_area: str = ""
    order: int = 100


_sections: dict[str, ProjectSection] = {}


def register_section(section: ProjectSection) -> None:
    _sections[section.key] = section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def data_areas() -> tuple[str, ...]:
    return tuple(sorted({section.data_area for section in _sections.values() if section.data_area}))


def sections_for(request, project) -> list[dict]:
    """The project page's registered sections: [{"key", "template", "data"}], in order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        data = section.context(request, project)
        if data is not None:
            shown.append({"key": section.key, "template": section.template, "data": data})
    return shown
