"""The next number of a per-site series (ครั้งที่ N, ปฏิบัติการที่ N), safe when two are saved at once."""

from __future__ import annotations

from django.db.models import Max

from ..models import Site


def next_number_for_site(*, site: Site, queryset) -> int:
    """Lock the site's row, then take one more than the highest number in `queryset` (the site's
    series). Two saves for one site wait for each other on the lock, so each gets its own number;
    the series' unique (site, number) constraint is the last guard. Call inside a transaction."""
    Site.objects.select_for_update().filter(pk=site.pk).values_list("pk", flat=True).get()
    highest = queryset.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1
