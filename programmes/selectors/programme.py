"""Reads for programme pages, with their queries decided here."""

from django.db.models import Prefetch

from ..models import Approach, Indicator, Outcome, Programme


def home_programme() -> Programme | None:
    """The programme shown on the home page, with everything the page lists (4 queries)."""
    return (
        Programme.objects.home()
        .prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("position", "id")),
            Prefetch("approaches", queryset=Approach.objects.order_by("position", "id")),
            Prefetch("outcomes", queryset=Outcome.objects.order_by("path")),
        )
        .first()
    )
