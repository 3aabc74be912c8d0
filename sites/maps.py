"""What every sites map needs: its points and the tile setting (none by default, so the map
draws Thailand's vendored outline and fetches nothing from another host)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def map_settings() -> dict:
    return {"tiles": settings.SITES_MAP_TILE_URL, "attribution": settings.SITES_MAP_TILE_ATTRIBUTION}


def map_points(sites, *, link: bool = True) -> list[dict]:
    """name, url, lat, lng of each site that has coordinates (no query: the sites are read)."""
    return [
        {
            "name": site.name,
            "url": reverse("sites:site-detail", args=[site.code]) if link else "",
            "lat": float(site.latitude),
            "lng": float(site.longitude),
        }
        for site in sites
        if site.latitude is not None and site.longitude is not None
    ]
