"""The admins' budget review (ตรวจสอบงบประมาณ): every warning of every project, filtered, sorted,
paged and exported; each one can be marked reviewed with a note."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from chsd_portal.mixins import AdminRequiredMixin
from chsd_portal.pagination import page_links, query_string, with_query
from chsd_portal.tables import Cell, Column, Row, Table
from chsd_portal.thai import format_datetime, format_money

from ..cache import cache_programmes_page
from ..exports import writers
from ..exports.warning_review import rows_csv, rows_xlsx
from ..forms.warnings import MarkReviewedForm, ReviewFilterForm
from ..models import Project, WarningReview
from ..selectors import warning_review
from ..selectors.warning_review import DEFAULT_SORT, ReviewFilters, Status
from ..selectors.warnings import KINDS
from ..services.warnings import WarningReviewRefused, warning_mark_reviewed

Kind = WarningReview.Kind

FILTER_KEYS = ("kind", "status", "programme", "q", "sort")
# What reverse() leaves unquoted in a path (django.urls.resolvers), for the rows' project links.
URL_SAFE = "!$&'()*+,;=/~:@"


def _filter_values(filters: ReviewFilters) -> dict:
    """The query-string values of `filters`, defaults left out."""
    return {
        "kind": filters.kind,
        "status": "" if filters.status == Status.OPEN else filters.status,
        "programme": filters.programme or "",
        "q": filters.q,
        "sort": "" if filters.sort == DEFAULT_SORT else filters.sort,
    }


def _filters_from(request) -> tuple[ReviewFilterForm, ReviewFilters]:
    form = ReviewFilterForm(request.GET)
    return form, form.filters()


class WarningReviewView(AdminRequiredMixin, TemplateView):
    """The review list: one row per (project, kind), 50 a page, in a fixed number of queries.

    The rendered page is cached per session under the "programmes" data-version counter (bumped
    by any write to what it shows), after the admin check, so a repeated request costs a few
    small queries and a change shows at once."""

    template_name = "programmes/warning_review.html"

    @method_decorator(cache_programmes_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form, filters = _filters_from(self.request)
        try:
            number = int(self.request.GET.get("page", 1))
        except ValueError:
            number = 1
        page = warning_review.review_page(filters, number)
        form.set_programmes(page.programmes)
        url = reverse("programmes:warning-review")
        here = query_string(_filter_values(filters), page=page.number if page.number > 1 else "")
        rows = self._rows(page.rows)
        sort_links = self._sort_links(url, filters)
        context.update(
            form=form,
            filters=filters,
            page=page,
            review_table=self._table(rows, filters, sort_links),
            rows=rows,
            labels={
                "reviewed": Status.REVIEWED.label,
                "not_reviewed": Status.OPEN.label,
                "mark_reviewed": _("Mark reviewed"),
                "edit_note": _("Edit the note"),
                "note": _("What did you check? (required)"),
            },
            kind_counts=[
                {
                    "kind": kind,
                    "label": WarningReview.Kind(kind).label,
                    "open": page.summary.by_kind[kind]["open"],
                    "reviewed": page.summary.by_kind[kind]["reviewed"],
                    "url": with_query(url, _filter_values(filters), kind=kind),
                }
                for kind in KINDS
            ],
            sort_links=sort_links,
            page_links=self._page_links(url, filters, page),
            export_links=[
                {
                    "fmt": fmt,
                    "url": with_query(
                        reverse("programmes:warning-review-export", args=[fmt]), QueryDict(here)
                    ),
                }
                for fmt in writers.FORMATS
            ],
            reset_url=url,
            back=here,
            is_filtered=bool(filters.kind or filters.programme or filters.q or filters.status != Status.OPEN),
        )
        return context

    @staticmethod
    def _rows(rows: list[warning_review.ReviewRow]) -> list[dict]:
        """The rows with every text and link ready, so the template only prints them (the page
        shows 50 rows: per-row tags and URL reversing would cost more than the query)."""
        project_url = reverse("programmes:project-detail", kwargs={"code": "__code__"})
        action_url = reverse("programmes:warning-mark-reviewed", kwargs={"pk": 0, "kind": "__kind__"})
        action_url = action_url.replace("/0/", "/__pk__/")
        items = []
        for row in rows:
            difference = row.budget_difference
            items.append(
                {
                    "row": row,
                    "project_url": project_url.replace("__code__", quote(row.code, safe=URL_SAFE)),
                    "action_url": action_url.replace("__pk__", str(row.project_id)).replace(
                        "__kind__", row.kind
                    ),
                    "form_id": f"review-{row.project_id}-{row.kind}",
                    "budget": format_money(row.budget, unit=False),
                    "periods_total": format_money(row.periods_total, unit=False),
                    "difference": format_money(difference, unit=False),
                    "difference_class": (
                        "text-danger"
                        if difference < 0
                        else "text-warning-emphasis"
                        if difference > 0
                        else "text-body-secondary"
                    ),
                    "reviewed_line": (
                        _("by %(name)s on %(when)s")
                        % {"name": row.reviewed_by, "when": format_datetime(row.reviewed_at)}
                        if row.is_reviewed
                        else ""
                    ),
                }
            )
        return items

    @staticmethod
    def _table(rows: list[dict], filters: ReviewFilters, sort_links: dict) -> Table:
        """The rows as the portal's table: the budget, total and difference columns only where
        they mean something (a budget-mismatch row), and only when such rows can be listed."""
        money = filters.kind in ("", Kind.BUDGET_MISMATCH)

        def sorted_by(key):
            return {"sort_url": sort_links[key]["url"], "aria_sort": sort_links[key]["aria_sort"] or ""}

        columns = [
            Column(_("project code"), css="text-nowrap", **sorted_by("code")),
            Column(_("project name"), **sorted_by("name")),
            Column(_("warning")),
        ]
        if money:
            columns += [
                Column(_("budget (baht)"), css="table-money"),
                Column(_("Total of the periods (baht)"), css="table-money"),
                Column(_("Difference (baht)"), css="table-money", **sorted_by("difference")),
            ]
        columns.append(Column(_("status"), css="review-status"))
        table_rows = []
        for item in rows:
            cells = [
                Cell(format_html('<a href="{}">{}</a>', item["project_url"], item["row"].code)),
                Cell(template="programmes/includes/review_name_cell.html"),
                Cell(template="programmes/includes/review_warning_cell.html"),
            ]
            if money:
                applies = item["row"].kind == Kind.BUDGET_MISMATCH
                cells += [
                    Cell(item["budget"], empty=not applies),
                    Cell(item["periods_total"], empty=not applies),
                    Cell(item["difference"], css=item["difference_class"], empty=not applies),
                ]
            cells.append(Cell(template="programmes/includes/review_status_cell.html"))
            table_rows.append(Row(cells, context=item))
        return Table(
            columns=columns,
            rows=table_rows,
            caption=_("Warnings, one row per project and kind of warning"),
            css="table-sm align-middle warning-review-table",
        )

    @staticmethod
    def _sort_links(url: str, filters: ReviewFilters) -> dict:
        """Header links: a click sorts by the column, a second click flips the direction."""
        links = {}
        for key, first in (("code", "code"), ("name", "name"), ("difference", "-difference")):
            flipped = first[1:] if first.startswith("-") else f"-{first}"
            current = filters.sort.lstrip("-") == key
            target = flipped if filters.sort == first else first
            links[key] = {
                "url": with_query(url, _filter_values(filters), sort=target),
                "aria_sort": (
                    ("descending" if filters.sort.startswith("-") else "ascending") if current else None
                ),
            }
        return links

    @staticmethod
    def _page_links(url: str, filters: ReviewFilters, page) -> dict | None:
        """Page links that keep the filters."""
        return page_links(
            page.page.paginator,
            page.number,
            lambda number: with_query(url, _filter_values(filters), page=number if number > 1 else ""),
        )


class WarningMarkReviewedView(AdminRequiredMixin, View):
    """POST: mark one warning of one project reviewed, then back to the list as it was."""

    http_method_names = ["post"]

    def post(self, request, pk: int, kind: str):
        if kind not in KINDS:
            raise Http404("Unknown kind of warning")
        project = get_object_or_404(Project, pk=pk)
        form = MarkReviewedForm(request.POST)
        back = self._back_url(request.POST.get("back", ""))
        if not form.is_valid():
            if "note" in form.errors:
                messages.error(
                    request,
                    _("%(code)s: write a note saying what you checked, then mark the warning reviewed.")
                    % {"code": project.code},
                )
            else:
                messages.error(request, _("The form was not complete. Please try again."))
            return HttpResponseRedirect(back)
        try:
            warning_mark_reviewed(
                project=project,
                kind=kind,
                note=form.cleaned_data["note"],
                user=request.user,
                expected_fingerprint=form.cleaned_data["fingerprint"] or None,
            )
        except WarningReviewRefused as refused:
            messages.error(request, f"{project.code}: {refused}")
        else:
            messages.success(
                request,
                _(
                    "%(code)s: “%(warning)s” is marked reviewed. It comes back by itself if the numbers change."
                )
                % {"code": project.code, "warning": WarningReview.Kind(kind).label},
            )
        return HttpResponseRedirect(back)

    @staticmethod
    def _back_url(back: str) -> str:
        """The review list with the filters the admin had: only known keys are kept, so the
        redirect never leaves the page."""
        given = QueryDict(back.lstrip("?"))
        query = QueryDict(mutable=True)
        for key in (*FILTER_KEYS, "page"):
            value = given.get(key)
            if value:
                query[key] = value[:200]
        return with_query(reverse("programmes:warning-review"), query)


class WarningReviewExportView(AdminRequiredMixin, View):
    """The filtered list, every page of it, as CSV or XLSX."""

    def get(self, request, fmt: str):
        if fmt not in writers.FORMATS:
            raise Http404("Unknown export format")
        _form, filters = _filters_from(request)
        rows = warning_review.review_rows(filters)
        if fmt == "xlsx":
            response = HttpResponse(rows_xlsx(rows), content_type=writers.CONTENT_TYPES[fmt])
        else:
            response = StreamingHttpResponse(rows_csv(rows), content_type=writers.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = (
            f'attachment; filename="{writers.export_filename(fmt, timezone.localdate(), "budget-review")}"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
