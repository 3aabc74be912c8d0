"""Page links for long lists, shared by every paginated page (templates/includes/pagination.html)."""

from collections.abc import Callable

from django.core.paginator import Paginator


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
