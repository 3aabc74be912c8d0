"""One page that edits an object and several lists under it, saved all together or not at all;
and the row limit every formset of the portal has (`inline_formset`, `RowLimitMixin`)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.edit import UpdateView

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
            else:
                if self.success_message:
                    messages.success(request, self.success_message)
                return HttpResponseRedirect(self.get_success_url())
        messages.error(request, _("Nothing was saved. Please correct the fields marked in red below."))
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def save_all(self, form, formsets):
        obj = form.save()
        for formset in formsets.values():
            formset.instance = obj
            formset.save()
        return obj


class FormsetSaveRefused(Exception):
    """Raised inside `save_all` to roll back and show a message on the form (e.g. a stale edit)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
