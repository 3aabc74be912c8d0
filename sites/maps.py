"""What every sites map needs: its points and the tile setting (none by default, so the map
draws Thailand's vendored outline and fetches nothing from another host)."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

CODE_SLOT = "000000"


@cache
def _site_url_pattern(urlconf, prefix: str) -> str:
    return reverse("sites:site-detail", args=[CODE_SLOT], urlconf=urlconf)


def site_url(code: str) -> str:
    """The site page's URL, as `reverse` gives it, without resolving the route each time: the
    overview and its map link 100 sites, and `reverse` cost them a third of their time."""
    return _site_url_pattern(get_urlconf(), get_script_prefix()).replace(CODE_SLOT, code, 1)


def map_settings() -> dict:
    return {"tiles": settings.SITES_MAP_TILE_URL, "attribution": settings.SITES_MAP_TILE_ATTRIBUTION}


# Marker colours (all 3:1 or more against the outline's fill): on track, overdue.
ON_TRACK_COLOUR = "#1f6f50"
OVERDUE_COLOUR = "#b02a37"


def map_points(sites, *, link: bool = True, colour=None) -> list[dict]:
    """name, url, lat, lng (and, given `colour(site)`, a marker colour) of each site that has
    coordinates (no query: the sites are read)."""
    return [
        {
            "name": site.name,
            "url": site_url(site.code) if link else "",
            "lat": float(site.latitude),
            "lng": float(site.longitude),
            **({"colour": colour(site)} if colour else {}),
        }
        for site in sites
        if site.latitude is not None and site.longitude is not None
    ]
