"""ประวัติการแก้ไข / รายการที่ถูกลบ: staff see what was deleted from the programme's content, by
whom and when, and restore it (programmes/services/history.py)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from chsd_portal.mixins import StaffRequiredMixin

from ..selectors import history as selectors_history
from ..services import history as services_history
from ..services.history import ParentDeleted, RestoreRefused


def describe(record) -> str:
    """A deleted row as a person recognises it: its kind and its text."""
    return f"{record.instance_type._meta.verbose_name.capitalize()} «{selectors_history.label_of(record)}»"


class DeletionListView(StaffRequiredMixin, TemplateView):
    template_name = "programmes/history_deleted.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deletions"] = selectors_history.recent_deletions()
        context["limit"] = selectors_history.RECENT_DELETIONS
        return context


class DeletionRestoreView(StaffRequiredMixin, TemplateView):
    """POST only: restore one deletion (and, when asked, its deleted parents with it)."""

    template_name = "programmes/history_deleted.html"
    http_method_names = ["post"]

    def post(self, request, kind: str, history_id: int):
        if kind not in services_history.RESTORABLE:
            raise Http404("unknown kind")
        record = services_history.deletion_record(kind, history_id)
        if record is None:
            raise Http404("no such deletion")
        try:
            restored = services_history.deletion_restore(
                record=record, with_parents=request.POST.get("with_parents") == "1"
            )
        except ParentDeleted as refusal:
            messages.warning(
                request,
                _(
                    "%(what)s cannot be restored alone: %(parent)s, which it belongs to, is deleted too. "
                    "Restore them together with the button below."
                )
                % {"what": describe(refusal.record), "parent": describe(refusal.parent)},
            )
            context = self.get_context_data(
                deletions=selectors_history.recent_deletions(),
                limit=selectors_history.RECENT_DELETIONS,
                needs_parent={"kind": kind, "record": record, "parent": refusal.parent},
            )
            return self.render_to_response(context)
        except RestoreRefused as refusal:
            messages.error(request, refusal.message)
        else:
            others = len(restored) - 1
            message = _("Restored: %(what)s.") % {"what": describe(record)}
            if others:
                message += " " + ngettext(
                    "%(count)d more item came back with it.",
                    "%(count)d more items came back with it.",
                    others,
                ) % {"count": others}
            messages.success(request, message)
        return HttpResponseRedirect(reverse("programmes:deleted-list"))
