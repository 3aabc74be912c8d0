"""One page that edits an object and several lists under it, saved all together or not at all."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.generic.edit import UpdateView


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
