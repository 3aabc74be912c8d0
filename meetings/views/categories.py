"""Article categories, managed by staff: the list with each one's article count, the editor, and
delete (refused while a category still holds articles)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal.tables import Cell, Column, Row, Table

from ..forms.categories import CategoryForm
from ..models import Category
from ..selectors import articles as selectors
from ..services.articles import CategoryInUse, category_delete, category_save


def categories_table(categories) -> Table:
    return Table(
        caption=_("Categories"),
        columns=[
            Column(_("category name")),
            Column(_("order in lists"), css="text-end"),
            Column(_("Number of articles"), css="text-end"),
            Column(_("Actions")),
        ],
        rows=[
            Row(
                [
                    Cell(
                        format_html('<a href="{}">{}</a>', category.get_absolute_url(), category.name),
                        header=True,
                    ),
                    Cell(category.order),
                    Cell(category.article_count),
                    Cell(
                        format_html(
                            '<a class="btn btn-sm btn-outline-primary" href="{}">{}</a> '
                            '<a class="btn btn-sm btn-outline-danger" href="{}">{}</a>',
                            reverse("meetings:category-edit", args=[category.pk]),
                            _("Edit"),
                            reverse("meetings:category-delete", args=[category.pk]),
                            _("Delete"),
                        )
                    ),
                ]
            )
            for category in categories
        ],
        empty_text=_("No categories yet."),
    )


class CategoryListView(PermissionRequiredMixin, TemplateView):
    template_name = "meetings/category_list.html"
    permission_required = "meetings.change_category"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["table"] = categories_table(selectors.categories_for_list(self.request.user))
        return context


class CategoryEditView(PermissionRequiredMixin, TemplateView):
    template_name = "meetings/category_form.html"

    def get_permission_required(self):
        return ["meetings.change_category" if "pk" in self.kwargs else "meetings.add_category"]

    @cached_property
    def category(self) -> Category:
        return selectors.category_by_pk(self.kwargs["pk"]) if "pk" in self.kwargs else Category()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CategoryForm(instance=self.category))
        context["category"] = self.category
        return context

    def post(self, request, *args, **kwargs):
        form = CategoryForm(request.POST, instance=self.category)
        if form.is_valid():
            category_save(category=form.save(commit=False))
            messages.success(request, _("Saved."))
            return redirect("meetings:category-list")
        return self.render_to_response(self.get_context_data(form=form))


class CategoryDeleteView(PermissionRequiredMixin, TemplateView):
    template_name = "meetings/category_confirm_delete.html"
    permission_required = "meetings.delete_category"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = selectors.category_by_pk(self.kwargs["pk"])
        context["article_count"] = context["category"].articles.count()
        return context

    def post(self, request, *args, **kwargs):
        category = selectors.category_by_pk(kwargs["pk"])
        try:
            category_delete(category=category)
        except CategoryInUse:
            messages.error(
                request,
                _("%(name)s still holds articles: move them to another category first.")
                % {"name": category.name},
            )
            return redirect("meetings:category-delete", category.pk)
        messages.success(request, _("Deleted."))
        return redirect("meetings:category-list")
