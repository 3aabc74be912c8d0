"""One page that edits an object and several lists under it, saved all together or not at all;
and the row limit every formset of the portal has (`inline_formset`, `RowLimitMixin`)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.edit import UpdateView

from chsd_portal.tables import Cell, Column, Row, Table

FORMSET_ERRORS = {
    "missing_management_form": gettext_lazy(
        "The page was sent incomplete or altered (its row counts are missing or are not numbers). "
        "Open the page again and type your changes once more."
    ),
    "too_many_forms": gettext_lazy(
        "At most %(num)d rows can be saved here. Remove some rows and save again."
    ),
}


class RowLimitMixin:
    """Refuses, before building a single row, a management form that is broken (missing, not
    numbers, negative, more stored rows than rows) or asks for more rows than `absolute_max`:
    Django would otherwise build up to `absolute_max` forms first (a forged `*-TOTAL_FORMS` of
    2,000 kept a worker busy for seconds) and take a negative count for none at all. The page
    shows the formset's Thai error and keeps the stored data as it was."""

    def _counts_refused(self) -> str | None:
        if not self.is_bound:
            return None
        management = self.management_form
        if not management.is_valid():
            return "missing_management_form"
        initial = management.cleaned_data["INITIAL_FORMS"]
        total = management.cleaned_data["TOTAL_FORMS"]
        if total > self.absolute_max:
            return "too_many_forms"
        if not 0 <= initial <= total:
            return "missing_management_form"
        return None

    def total_form_count(self):
        if self._counts_refused():
            return 0
        return super().total_form_count()

    def initial_form_count(self):
        if self._counts_refused():
            return 0
        return super().initial_form_count()

    def full_clean(self):
        super().full_clean()
        refused = self._counts_refused()
        if refused and not self._non_form_errors:
            message = self.error_messages[refused]
            if refused == "too_many_forms":
                message = message % {"num": self.max_num}
            self._non_form_errors = self.error_class(
                [ValidationError(message, code=refused)], error_class="nonform", renderer=self.renderer
            )


def row_limited(formset_class, *, max_rows: int):
    """The formset class with a row limit a person would never reach (see RowLimitMixin)."""
    return type(
        formset_class.__name__,
        (RowLimitMixin, formset_class),
        {
            "max_num": max_rows,
            "absolute_max": max_rows,
            "validate_max": True,
            "default_error_messages": FORMSET_ERRORS,
        },
    )


def inline_formset(parent_model, model, *, max_rows: int, **kwargs):
    """`inlineformset_factory` with a row limit (see `row_limited`)."""
    return row_limited(forms.inlineformset_factory(parent_model, model, **kwargs), max_rows=max_rows)


class FormWithFormsetsMixin:
    """For an UpdateView/CreateView: `formset_classes` maps a prefix to an inline formset class.

    Every form and formset is validated before anything is written; `save_all` then runs in one
    transaction, so an error in any row leaves the stored data as it was and the page comes back
    with each error next to its field and everything typed kept.
    """

    formset_classes: dict = {}
    success_message = ""
    # e.g. messages.WARNING when the save went through but produced something to check.
    success_level = messages.SUCCESS

    def get_formsets(self, instance):
        data = self.request.POST if self.request.method == "POST" else None
        return {
            prefix: formset_class(data=data, instance=instance, prefix=prefix)
            for prefix, formset_class in self.formset_classes.items()
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "formsets" not in context:
            context["formsets"] = self.get_formsets(getattr(self, "object", None))
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if isinstance(self, UpdateView) else None
        form = self.get_form()
        formsets = self.get_formsets(form.instance)
        if form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
            try:
                with transaction.atomic():
                    self.object = self.save_all(form, formsets)
            except FormsetSaveRefused as refusal:
                form.add_error(None, refusal.message)
                if refusal.compare:
                    # Stale save: theirs (stored now, the forms' initial) next to yours (typed).
                    differences = stored_and_typed(form, formsets)
                    for name, value in refusal.data.items():
                        form.data = form.data.copy()
                        form.data[form.add_prefix(name)] = value
                    return self.render_to_response(
                        self.get_context_data(
                            form=form, formsets=formsets, save_conflict_table=differences_table(differences)
                        )
                    )
            else:
                message = self.success_message
                if message:
                    messages.add_message(request, self.success_level, message)
                return HttpResponseRedirect(self.get_success_url())
        # What went wrong is in the error summary at the top of the page (templates/base.html).
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def save_all(self, form, formsets):
        obj = form.save()
        for formset in formsets.values():
            formset.instance = obj
            formset.save()
        return obj


class FormsetSaveRefused(Exception):
    """Raised inside `save_all` to roll back and show a message on the form.

    `compare`: someone else saved first (a stale edit): the page shows, field by field, the
    stored value next to the typed one, and `data` replaces hidden values of the form (the
    version the page now stands on), so the next save keeps what the person chose."""

    def __init__(self, message, *, compare: bool = False, data: dict | None = None):
        super().__init__(message)
        self.message = message
        self.compare = compare
        self.data = data or {}


@dataclass(frozen=True)
class Difference:
    label: str
    stored: str
    typed: str
    href: str


def _shown(bound, value) -> str:
    """A value as the page shows it: a choice by its label, a date as 6/2/2561."""
    field = bound.field
    if value in field.empty_values:
        return "—"
    choices = getattr(field, "choices", None)
    if choices is not None:
        labels = {str(key): label for key, label in choices}
        values = value if isinstance(value, list | tuple) else [value]
        key = lambda v: str(getattr(v, "pk", v))  # noqa: E731
        return ", ".join(str(labels.get(key(v), v)) for v in values)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(field.widget.format_value(value))


def _form_differences(form, prefix: str = "") -> list[Difference]:
    differences = []
    for name in form.changed_data:
        bound = form[name]
        if bound.is_hidden or name == "DELETE":
            continue
        label = f"{prefix}{bound.label}"
        stored = _shown(bound, bound.initial)
        typed = _shown(bound, form.cleaned_data.get(name, bound.data))
        if stored != typed:
            differences.append(Difference(label=label, stored=stored, typed=typed, href=f"#{bound.auto_id}"))
    return differences


def stored_and_typed(form, formsets: dict) -> list[Difference]:
    """Every field whose stored value is not what the person typed, rows of the lists included."""
    differences = _form_differences(form)
    for formset in formsets.values():
        verbose = formset.model._meta.verbose_name
        for index, row in enumerate(formset.forms):
            prefix = _("%(list)s, row %(number)s") % {"list": verbose, "number": index + 1} + ": "
            if row.instance.pk is None:
                if row.has_changed():
                    differences.append(Difference(prefix + _("new row"), "—", _("added by you"), ""))
                continue
            if formset._should_delete_form(row):
                differences.append(Difference(prefix + _("row"), _("kept"), _("deleted by you"), ""))
                continue
            differences += _form_differences(row, prefix)
    return differences


def differences_table(differences: list[Difference]) -> Table:
    return Table(
        caption=_("Their version and yours, field by field"),
        css="table-sm align-middle",
        columns=[Column(_("Field")), Column(_("Their version (saved)")), Column(_("Your version (typed)"))],
        rows=[
            Row(
                [
                    Cell(
                        format_html('<a href="{}">{}</a>', d.href, d.label) if d.href else d.label,
                        header=True,
                    ),
                    Cell(d.stored),
                    Cell(d.typed),
                ]
            )
            for d in differences
        ],
    )
