"""Demo data, filled by the apps: each registers a loader from its `ready()` and
`manage.py load_demo` runs them in order. Every loader must be idempotent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLoader:
    name: str
    load: Callable[..., None]  # called as load(password=..., stdout=...)
    order: int = 100


_loaders: dict[str, DemoLoader] = {}


def register(name: str, load: Callable[..., None], order: int = 100) -> None:
    _loaders[name] = DemoLoader(name, load, order)


def loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))
