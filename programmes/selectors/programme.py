"""The one read of the home programme (the programme marked for the home page), which the home,
guide, plan and indicator pages and the new-project form all start from."""

from django.db.models import Prefetch
from django.http import Http404

from ..models import Approach, Indicator, Outcome, Programme


def home_programme(*, with_lists: bool = False) -> Programme | None:
    """The home programme, or None (one query); `with_lists` also reads the indicators,
    approaches and outcomes the home page lists (4 queries)."""
    queryset = Programme.objects.home()
    if with_lists:
        queryset = queryset.prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("position", "id")),
            Prefetch("approaches", queryset=Approach.objects.order_by("position", "id")),
            Prefetch("outcomes", queryset=Outcome.objects.order_by("path")),
        )
    return queryset.first()


def home_programme_or_404() -> Programme:
    """The home programme (one query); a page that needs one is not found without it."""
    programme = home_programme()
    if programme is None:
        raise Http404("No programme is on the home page.")
    return programme
