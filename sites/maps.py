"""What every sites map needs: its points and the tile setting (none by default, so the map
draws Thailand's vendored outline and fetches nothing from another host)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


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
            "url": reverse("sites:site-detail", args=[site.code]) if link else "",
            "lat": float(site.latitude),
            "lng": float(site.longitude),
            **({"colour": colour(site)} if colour else {}),
        }
        for site in sites
        if site.latitude is not None and site.longitude is not None
    ]
