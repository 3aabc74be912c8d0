"""Page links for long lists, shared by every paginated page (templates/includes/pagination.html),
and the query-string helper their links (page, sort, filters) are built with."""

from collections.abc import Callable, Mapping

from django.core.paginator import Paginator
from django.http import QueryDict


def query_string(params: Mapping, **changes) -> str:
    """`params` (a QueryDict or a dict) with `changes` applied, url-encoded without the "?": a
    changed key keeps its place, a new one goes last, and a value of None or "" leaves the key
    out."""
    query = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    if not isinstance(params, QueryDict):
        for key, value in params.items():
            query[key] = value
    for key, value in changes.items():
        query[key] = value
    for key in [key for key, value in query.items() if value in (None, "")]:
        del query[key]
    return query.urlencode()


def with_query(url: str, params: Mapping, **changes) -> str:
    """`url` followed by `?` and `query_string(params, **changes)` (just `url` when it is empty)."""
    encoded = query_string(params, **changes)
    return f"{url}?{encoded}" if encoded else url


def page_links(paginator: Paginator, number: int, url_for: Callable[[int], str]) -> dict | None:
    """Numbered links (elided in the middle) plus previous/next, each URL built by `url_for`
    so the page keeps its filters and sort; None when one page holds the list."""
    if paginator.num_pages <= 1:
        return None
    links = []
    for entry in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1):
        if entry == paginator.ELLIPSIS:
            links.append({"ellipsis": True})
        else:
            links.append({"number": entry, "url": url_for(entry), "current": entry == number})
    return {
        "links": links,
        "prev_url": url_for(number - 1) if number > 1 else None,
        "next_url": url_for(number + 1) if number < paginator.num_pages else None,
    }
