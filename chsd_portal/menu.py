"""The site menu, filled by the apps: `chsd_portal` knows no app, so each app registers its own
entries from its `AppConfig.ready()`. An entry appears only once its page exists.

The header has two rows from 992 px (templates/includes/header.html): the menu bar of seed 000's
pages (`MAIN`: หน้าหลัก, กรอบแนวทางการดำเนินการ, … กระดานถาม - ตอบ, รูปกิจกรรม), and above it, beside
the brand, a person's own pages and tools (`TOOLS`: the search box, งานของฉัน, the staff's pages,
the account). Where an entry goes:

- `place=MAIN` (the default): its own item on the menu bar, a dropdown when it has `children`;
- `place=TOOLS`: its own item beside the account menu (a page of one role, e.g. งานของฉัน);
- `group="<key>"`: a line in the dropdown of that `MenuGroup` instead of an item of its own.
  `STAFF_GROUP` (สำหรับเจ้าหน้าที่, in TOOLS) holds the staff's and admins' pages (coverage,
  budget review, deleted items), so they never crowd the seed's bar. A group shows only when
  the person may see at least one of its entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN = "main"
TOOLS = "tools"
STAFF_GROUP = "staff"


@dataclass(frozen=True)
class MenuEntry:
    key: str
    label: str
    url_name: str
    order: int = 100
    # Returns the entry's sub-items as (label, url) pairs, or (label, url, [(label, url), ...]) for
    # an item with a third level (a site and its pages); called once per page render. Not used
    # for an entry in a group (a dropdown has no room for another level).
    children: Callable[[], list[tuple]] | None = None
    # Who sees it: None for everyone, else a callable taking the user.
    visible_to: Callable[[object], bool] | None = None
    place: str = MAIN
    group: str = ""


@dataclass(frozen=True)
class MenuGroup:
    """A dropdown with no page of its own that lists the entries naming it as their `group`."""

    key: str
    label: str
    order: int = 100
    place: str = MAIN


_entries: dict[str, MenuEntry] = {}
_groups: dict[str, MenuGroup] = {}
_data_areas: set[str] = set()


def register(entry: MenuEntry) -> None:
    _entries[entry.key] = entry


def register_group(group: MenuGroup) -> None:
    _groups[group.key] = group


register_group(MenuGroup(key=STAFF_GROUP, label=_("For staff"), order=50, place=TOOLS))


def register_data_area(area: str) -> None:
    """Say that menu entries read the data-version `area` (see chsd_portal.cache): every cached
    page shows the menu, so every cached page's key includes it and a change there renews them."""
    _data_areas.add(area)


def data_areas() -> tuple[str, ...]:
    return tuple(sorted(_data_areas))


def _is_active(path: str, url: str) -> bool:
    return path == url if url == "/" else path.startswith(url)


def menu_for(request) -> dict[str, list[dict]]:
    """The menu as the header reads it, for the request's user and path: the items of the menu
    bar ("main") and of the tools row ("tools"), each in order; a group is an item whose
    `children` are its visible entries, with no `url` of its own."""
    user = getattr(request, "user", None)
    path = getattr(request, "path", "")
    rows: dict[str, list[tuple]] = {MAIN: [], TOOLS: []}
    grouped: dict[str, list[tuple]] = {key: [] for key in _groups}
    for entry in sorted(_entries.values(), key=lambda e: (e.order, e.key)):
        if entry.visible_to is not None and not entry.visible_to(user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        active = _is_active(path, url)
        if entry.group in grouped:
            grouped[entry.group].append(
                (
                    (entry.order, entry.key),
                    {"label": entry.label, "url": url, "children": [], "active": active},
                )
            )
            continue
        children = entry.children() if entry.children else []
        item = {
            "key": entry.key,
            "label": entry.label,
            "url": url,
            "children": [_child(*child) for child in children],
            "active": active,
        }
        rows[entry.place if entry.place in rows else MAIN].append(((entry.order, entry.key), item))
    for key, members in grouped.items():
        if not members:
            continue
        group = _groups[key]
        children = [child for _sort, child in members]
        item = {
            "key": group.key,
            "label": group.label,
            "url": "",
            "children": children,
            "active": any(child["active"] for child in children),
            "is_group": True,
        }
        rows[group.place if group.place in rows else MAIN].append(((group.order, group.key), item))
    return {
        place: [item for _sort, item in sorted(items, key=lambda pair: pair[0])]
        for place, items in rows.items()
    }


def entries_for(request) -> list[dict]:
    """The menu bar's items (see `menu_for`)."""
    return menu_for(request)[MAIN]


def _child(label: str, url: str, children=()) -> dict:
    return {
        "label": label,
        "url": url,
        "children": [{"label": text, "url": href} for text, href in children],
        "active": False,
    }
