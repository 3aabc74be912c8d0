from django.core.paginator import Paginator
from django.urls import reverse
from django.views.generic import TemplateView

from chsd_portal.pagination import page_links, with_query

from ..forms.search import SearchForm
from ..highlight import marked, snippet
from ..registry import source, sources
from ..selectors import search as selectors

PER_PAGE = 20


class SearchView(TemplateView):
    """ค้นหา: every registered source at once, counts per kind, one page of ranked results."""

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        form.is_valid()
        # An unknown kind (an old link) searches every kind; a query too long is said next to the box.
        text = form.cleaned_data.get("q", "")
        kind = form.cleaned_data.get("kind", "")
        query = selectors.Query.parse(text) if text else None
        context.update(form=form, q=text, kind=kind, query=query, results=[], kinds=[], total=0)
        if query is None:
            return context
        user = self.request.user
        counts = selectors.counts_by_kind(user, query)
        total = sum(counts.values())
        url = reverse("search:results")
        context["kinds"] = [
            {
                "label": item.label,
                "count": counts.get(item.kind, 0),
                "url": with_query(url, {"q": text}, kind=item.kind),
                "active": item.kind == kind,
            }
            for item in sources()
            if counts.get(item.kind)
        ]
        context["all_url"] = with_query(url, {"q": text})
        context["total"] = total
        shown = counts.get(kind, 0) if kind else total
        paginator = Paginator(
            selectors.KnownCount(selectors.ranked(user, query, kind or None), shown), PER_PAGE
        )
        page = paginator.get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["pages"] = page_links(
            paginator, page.number, lambda number: with_query(url, {"q": text, "kind": kind}, page=number)
        )
        context["results"] = [
            {
                "title": marked(document.title, query.parts),
                "snippet": snippet(document.body, query.parts),
                "url": document.url,
                "date": document.date,
                "kind": getattr(source(document.kind), "label", ""),
            }
            for document in page.object_list
        ]
        if not total:
            context["suggestions"] = [
                {"text": suggestion, "url": with_query(url, {"q": suggestion})}
                for suggestion in selectors.suggestions(user, text)
            ]
        return context
