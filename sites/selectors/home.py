"""The home page's sites block: every site on the map and in a short list (2 queries)."""

from __future__ import annotations

from ..maps import map_points, map_settings
from ..models import Site


def sites_home_block(request) -> dict | None:
    sites = list(Site.objects.with_place().order_by("subdistrict__sort_name"))
    if not sites:
        return None
    return {"sites": sites, "points": map_points(sites), "map_settings": map_settings()}
