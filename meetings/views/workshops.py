"""Workshops (ประชุมกับพื้นที่ — ปฏิบัติการที่ N): a site's list, one workshop, and the editor a
mentor of the site or staff use. Participants' names and phones are shown only to those who may
work on the site (staff and its mentors): personal data under the PDPA."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from chsd_portal import page_sections
from chsd_portal.tables import Cell, Column, Row, Table
from sites.permissions import can_work_on
from sites.selectors.sites import site_by_code
from sites.views.mixins import SiteMixin, SiteWorkMixin

from ..forms.workshops import AttendanceForm, ParticipantFormSet, WorkshopForm
from ..models import Workshop
from ..selectors import workshops as selectors
from ..selectors.articles import linked_articles
from ..services.workshops import workshop_delete, workshop_save


class WorkshopListView(SiteMixin, TemplateView):
    template_name = "meetings/workshop_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workshops"] = selectors.site_workshops(
            self.site, include_drafts=can_work_on(self.request.user, self.site)
        )
        return context


def attendance_table(workshop) -> Table:
    """The register: a row per organisation type, the total summed in the footer."""
    return Table(
        caption=_("Participants by organisation type"),
        css="table-sm attendance",
        columns=[Column(_("organisation type")), Column(_("number of people"), css="text-end")],
        rows=[
            Row([Cell(row.get_organisation_type_display(), header=True), Cell(row.count)])
            for row in workshop.attendance.all()
        ],
        footer=[
            Row(
                [
                    Cell(_("Total"), header=True),
                    Cell(workshop.total, css="fw-bold workshop-total", label=_("Total")),
                ]
            )
        ],
    )


class WorkshopDetailView(SiteMixin, TemplateView):
    template_name = "meetings/workshop_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allowed = can_work_on(self.request.user, self.site)
        context["workshop"] = selectors.workshop_by_number(
            self.site, self.kwargs["number"], include_drafts=allowed, with_participants=allowed
        )
        context["attendance_table"] = attendance_table(context["workshop"])
        context["show_participants"] = allowed
        context["articles_section"] = {
            "articles": linked_articles(user=self.request.user, workshop=context["workshop"])
        }
        context["page_sections"] = page_sections.sections_for(
            "meetings.workshop", self.request, context["workshop"]
        )
        return context


class WorkshopEditView(SiteWorkMixin, TemplateView):
    """Log (no number in the URL) or edit a workshop; a failed save shows everything as typed."""

    template_name = "meetings/workshop_form.html"

    @cached_property
    def workshop(self) -> Workshop:
        if "number" in self.kwargs:
            return selectors.workshop_by_number(
                self.site, self.kwargs["number"], include_drafts=True, with_participants=True
            )
        return Workshop(site=self.site, author=self.request.user)

    def _forms(self, data=None, files=None):
        workshop = self.workshop
        initial_counts = (
            {row.organisation_type: row.count for row in workshop.attendance.all()} if workshop.pk else {}
        )
        initial = {}
        if workshop.pk is None and self.request.user in self.site.mentors.all():
            initial["mentors_present"] = [self.request.user.pk]
        return {
            "form": WorkshopForm(data, files, instance=workshop, site=self.site, initial=initial),
            "attendance_form": AttendanceForm(data, initial_counts=initial_counts),
            "participants": ParticipantFormSet(data, instance=workshop, prefix="participants"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for key, value in self._forms().items():
            context.setdefault(key, value)
        context["workshop"] = self.workshop
        return context

    def post(self, request, *args, **kwargs):
        forms = self._forms(request.POST, request.FILES)
        valid = [f.is_valid() for f in forms.values()]  # every form, so each shows its errors
        if all(valid):
            saved = workshop_save(
                workshop=forms["form"].save(commit=False),
                mentors_present=forms["form"].cleaned_data["mentors_present"],
                counts=forms["attendance_form"].counts(),
                participants=forms["participants"],
                new_attachments=forms["form"].cleaned_data["new_attachments"],
                remove_attachments=forms["form"].cleaned_data.get("remove_attachments", ()),
            )
            messages.success(request, _("Saved."))
            return redirect("meetings:workshop-detail", self.site.code, saved.number)
        return self.render_to_response(self.get_context_data(**forms))


class WorkshopDeleteView(SiteWorkMixin, TemplateView):
    template_name = "meetings/workshop_confirm_delete.html"

    def _workshop(self):
        return selectors.workshop_by_number(
            self.site, self.kwargs["number"], include_drafts=True, with_participants=False
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["workshop"] = self._workshop()
        return context

    def post(self, request, *args, **kwargs):
        workshop_delete(workshop=self._workshop())
        messages.success(request, _("Deleted."))
        return redirect("meetings:workshop-list", self.site.code)


def attachment_download(request, code, number, pk):
    """A workshop's attached file, as a download (never shown inline), to those who may see the
    workshop; served through the storage API."""

    site = site_by_code(code)
    allowed = can_work_on(request.user, site)
    workshop = selectors.workshop_by_number(site, number, include_drafts=allowed, with_participants=False)
    attachment = next((a for a in workshop.attachments.all() if a.pk == pk), None)
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
