"""The project list (โครงการ): filters, search, sort, pages, and the same list as XLSX or CSV."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from chsd_portal import roles
from chsd_portal.pagination import page_links, query_string

from ..cache import cache_programmes_page
from ..exports import projects as exports
from ..exports import writers
from ..forms.project_list import ProjectFilterForm
from ..selectors import project_list as selectors

# The table's columns: (key, header, sort key or None).
COLUMNS = (
    ("code", _("project code"), "code"),
    ("name", _("project name"), "name"),
    ("programme", _("under plan"), None),
    ("organisation", _("under organisation"), None),
    ("duration", _("project duration"), "start"),
    ("budget", _("budget (baht)"), "budget"),
    ("status", _("status"), None),
    ("warnings", _("warning"), None),
)
STAFF_ONLY_COLUMNS = {"status"}
# The cells' labels when a phone shows each row as a card.
CELL_LABELS = {key: label for key, label, _sort in COLUMNS} | {"periods_total": _("total of the periods")}


def _query_string(params, **changes) -> str:
    """The current query string with `changes` applied, as "?a=1&b=2" ("?" when empty)."""
    return "?" + query_string(params, **changes)


def _filter_form(request) -> tuple[ProjectFilterForm, selectors.ProjectFilters, bool]:
    is_staff = roles.is_staff_member(request.user)
    form = ProjectFilterForm(
        request.GET, choices=selectors.filter_choices(request.user), show_status=is_staff
    )
    return form, form.filters(), is_staff


class ProjectListView(TemplateView):
    """Every project the user may see, 25 a page, in a fixed number of queries.

    The rendered page is cached under the "programmes" data-version counter, which the database
    bumps on every write to what it shows, so a saved change appears on the very next request."""

    template_name = "programmes/project_list.html"

    @method_decorator(cache_programmes_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        form, filters, is_staff = _filter_form(request)
        queryset = selectors.project_list(request.user, filters)
        # COUNT runs on the plain filtered queryset; the page's ids come from the sorted one and
        # only those rows are read again with their warnings.
        paginator = Paginator(queryset.values_list("pk", flat=True), selectors.PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        ids = list(page.object_list) if paginator.count else []
        params = request.GET.copy()
        params.pop("page", None)
        context.update(
            form=form,
            filters=filters,
            is_staff=is_staff,
            projects=selectors.project_rows(ids),
            page_obj=page,
            paginator=paginator,
            columns=self._columns(params, filters.sort, is_staff),
            labels=CELL_LABELS,
            page_nav=self._page_nav(params, page),
            summary={
                "start": f"{page.start_index():,}" if paginator.count else "0",
                "end": f"{page.end_index():,}" if paginator.count else "0",
                "total": f"{paginator.count:,}",
            },
            reset_url=reverse("programmes:project-list"),
            export_links=[
                {
                    "fmt": fmt,
                    "url": reverse("programmes:project-export", kwargs={"fmt": fmt})
                    + _query_string(params, sort=filters.sort),
                }
                for fmt in writers.FORMATS
            ],
            create_url=self._create_url() if is_staff else None,
        )
        return context

    @staticmethod
    def _columns(params, current_sort: str, is_staff: bool) -> list[dict]:
        """Headers as links that sort by the column, flipping the direction on a second click,
        with the aria-sort a screen reader announces."""
        columns = []
        for key, label, sort_key in COLUMNS:
            if key in STAFF_ONLY_COLUMNS and not is_staff:
                continue
            column = {"key": key, "label": label, "url": None, "aria_sort": None}
            if sort_key:
                if current_sort == sort_key:
                    column["aria_sort"] = "ascending"
                    target = f"-{sort_key}"
                elif current_sort == f"-{sort_key}":
                    column["aria_sort"] = "descending"
                    target = sort_key
                else:
                    target = sort_key
                column["url"] = _query_string(params, sort=target)
            columns.append(column)
        return columns

    @staticmethod
    def _page_nav(params, page) -> dict | None:
        """Page links that keep the filters and the sort."""
        return page_links(page.paginator, page.number, lambda number: _query_string(params, page=number))

    @staticmethod
    def _create_url() -> str | None:
        """The "add a project" page, once the project editor offers one."""
        try:
            return reverse("programmes:project-create")
        except NoReverseMatch:
            return None


class ProjectExportView(View):
    """The filtered, sorted list, every page of it, with its periods, as XLSX or CSV."""

    def get(self, request, fmt: str = "xlsx"):
        fmt = (request.GET.get("format") or fmt or "").lower()
        if fmt not in writers.FORMATS:
            raise Http404("Unknown export format")
        _form, filters, is_staff = _filter_form(request)
        data = selectors.export_data(request.user, filters)
        filename = writers.export_filename(fmt, timezone.localdate())
        if fmt == "xlsx":
            response = HttpResponse(
                exports.projects_xlsx(data, with_status=is_staff), content_type=writers.CONTENT_TYPES[fmt]
            )
        else:
            response = StreamingHttpResponse(
                exports.projects_csv(data, with_status=is_staff), content_type=writers.CONTENT_TYPES[fmt]
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # The export depends on who asks (drafts for staff): never share it through a cache.
        response["Cache-Control"] = "private, no-store"
        return response
