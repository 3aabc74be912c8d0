"""Blocks of the home page, filled by the apps: `chsd_portal` knows no app, so each app registers
its blocks (the sites' map, the latest articles, answered questions, album covers) from its
`AppConfig.ready()`, as it does its menu entries. The home view renders them in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomeBlock:
    key: str
    # The partial that draws the block; it reads its data as `block`.
    template: str
    # Returns the partial's data for this request, or None to leave the block out (nothing to show).
    # Each should cost a fixed number of queries: the home page's count is pinned.
    context: Callable[[object], dict | None]
    order: int = 100
    # Who sees it: None for everyone, else a callable taking the user.
    visible_to: Callable[[object], bool] | None = None


_blocks: dict[str, HomeBlock] = {}


def register(block: HomeBlock) -> None:
    _blocks[block.key] = block


def unregister(key: str) -> None:
    _blocks.pop(key, None)


def blocks_for(request) -> list[dict]:
    """The home page's blocks for this request: [{"key", "template", "data"}], in order."""
    user = getattr(request, "user", None)
    shown = []
    for block in sorted(_blocks.values(), key=lambda b: (b.order, b.key)):
        if block.visible_to is not None and not block.visible_to(user):
            continue
        data = block.context(request)
        if data is None:
            continue
        shown.append({"key": block.key, "template": block.template, "data": data})
    return shown
