"""Writes for sites: saving one with its mentors, its coordinates defaulting to the tambon's."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from ..models import Site


@transaction.atomic
def site_save(*, site: Site, mentors: Iterable) -> Site:
    """Save `site` and set its mentors; with no coordinates given it takes the tambon's centroid."""
    if site.latitude is None and site.longitude is None:
        site.latitude = site.subdistrict.latitude
        site.longitude = site.subdistrict.longitude
    site.save()
    site.mentors.set(mentors)
    return site
