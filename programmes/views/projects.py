"""The project page (everyone, for published projects) and the one-page project editor (staff)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, UpdateView

from chsd_portal import roles
from chsd_portal.formsets import FormWithFormsetsMixin
from chsd_portal.mixins import StaffRequiredMixin
from chsd_portal.tables import Cell, Column, Row, Table
from chsd_portal.thai import fiscal_year, format_date, format_money

from ..cache import cache_project_page
from ..forms.projects import PROJECT_FORMSETS, FiscalYearField, ProjectForm, periods_data_with_quarters
from ..models import Project
from ..project_sections import sections_for
from ..selectors import projects as selectors_projects
from ..selectors.programme import home_programme
from ..selectors.warnings import warnings_for_project
from ..services import projects as services_projects


class ProjectDetailView(DetailView):
    """A project as users know it from seed 001; drafts only for its mentor and for staff.

    Cached like the list (see ProjectListView): a save shows on the very next request."""

    template_name = "programmes/project_detail.html"
    context_object_name = "project"

    @method_decorator(cache_project_page)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return selectors_projects.project_for_page(code=self.kwargs["code"], user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project = self.object
        periods = list(project.periods.all())
        target_groups = list(project.target_groups.all())
        can_edit = roles.is_staff_member(self.request.user)
        context.update(
            periods=periods,
            periods_total=sum((p.amount for p in periods), start=0),
            periods_table=periods_table(periods),
            target_groups=target_groups,
            planned_total=sum(g.planned for g in target_groups),
            actual_total=sum(g.actual or 0 for g in target_groups),
            locator=selectors_projects.project_locator(project),
            warnings=warnings_for_project(project),
            can_edit=can_edit,
            can_see_lead_contact=can_edit or roles.has_role(self.request.user, roles.MENTOR),
            history=selectors_projects.project_history(project) if can_edit else None,
            sections=sections_for(self.request, project),
        )
        return context


def periods_table(periods) -> Table:
    """The budget periods with the seed's two header rows and the total in the footer."""
    project_dates, report_dates = _("Project period dates"), _("Report period dates")
    total = sum((p.amount for p in periods), start=0)
    return Table(
        caption=_("Budget periods"),
        css="table-sm table-bordered table-striped project-periods",
        columns=[
            Column(_("Period")),
            Column(_("From"), group=project_dates, css="text-nowrap"),
            Column(_("To"), group=project_dates, css="text-nowrap"),
            Column(_("From"), group=report_dates, css="text-nowrap"),
            Column(_("To"), group=report_dates, css="text-nowrap"),
            Column(_("Budget (baht)"), css="table-money"),
        ],
        rows=[
            Row(
                [
                    Cell(period.number, header=True),
                    Cell(format_date(period.start_date)),
                    Cell(format_date(period.end_date)),
                    Cell(format_date(period.report_start) if period.report_start else ""),
                    Cell(format_date(period.report_end) if period.report_end else ""),
                    Cell(format_money(period.amount, unit=False)),
                ]
            )
            for period in periods
        ],
        empty_text=_("No budget periods yet."),
        footer=[
            Row(
                [
                    Cell(_("Total budget"), header=True, colspan=5),
                    Cell(format_money(total, unit=False), label=_("Total budget")),
                ]
            )
        ],
    )


def _quiet(form) -> None:
    """Show a bound form's values without validating it (the fiscal-quarter fill saves nothing,
    so "this field is required" on what the person has not typed yet would only confuse)."""
    form._errors = ErrorDict()
    form.cleaned_data = {}


def _row_counts(formset) -> tuple[tuple[int, int] | None, str]:
    """The stored and total row counts a formset was sent, or None and the formset's own Thai
    error when its management form is broken (missing, not numbers) or asks for more rows than
    the formset takes, so the quarter fill refuses them instead of answering 500."""
    management = formset.management_form
    if not management.is_valid():
        return None, formset.error_messages["missing_management_form"]
    initial, total = management.cleaned_data["INITIAL_FORMS"], management.cleaned_data["TOTAL_FORMS"]
    if total > formset.absolute_max:
        return None, formset.error_messages["too_many_forms"] % {"num": formset.max_num}
    if not 0 <= initial <= total:
        return None, formset.error_messages["missing_management_form"]
    return (initial, total), ""


class ProjectEditorMixin(StaffRequiredMixin, FormWithFormsetsMixin):
    """What the create and edit pages share: the form, its lists, the save and the quarter fill."""

    model = Project
    form_class = ProjectForm
    template_name = "programmes/project_form.html"
    formset_classes = PROJECT_FORMSETS

    @property
    def success_message(self):
        """Saved, and by name the warnings the saved data has (they are far down the page)."""
        saved = _("The project %(code)s was saved.") % {"code": self.object.code}
        found = [w for w in warnings_for_project(self.object) if not w.is_reviewed]
        self.success_level = messages.WARNING if found else messages.SUCCESS
        if not found:
            return saved
        return " ".join(
            [
                saved,
                _("Check these warnings, shown on the project page: %(warnings)s.")
                % {"warnings": "; ".join(w.label for w in found)},
            ]
        )

    def get_success_url(self):
        return reverse("programmes:project-detail", args=[self.object.code])

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "fill_quarters":
            return self.fill_quarters()
        return super().post(request, *args, **kwargs)

    def save_all(self, form, formsets):
        return services_projects.project_save(
            form=form,
            formsets=formsets,
            expected_version=form.cleaned_data.get("version"),
            user=self.request.user,
        )

    def fill_quarters(self):
        """Re-show the page with the periods replaced by the four quarters of a fiscal year,
        saving nothing: the person checks them and presses Save (works without JavaScript)."""
        self.object = self.get_object() if isinstance(self, UpdateView) else None
        form = self.get_form()
        formsets = self.get_formsets(form.instance)
        year_field = FiscalYearField()
        problems = []
        try:
            be_year = year_field.clean(self.request.POST.get("fiscal_year", "").strip())
        except ValidationError as error:
            problems.extend(error.messages)
            be_year = None
        try:
            budget = form.fields["budget"].clean(self.request.POST.get("budget", "").strip())
        except ValidationError:
            problems.append(_("Enter the project budget first: the quarters share it equally."))
            budget = None
        prefix = "periods"
        counts, problem = _row_counts(formsets[prefix])
        if counts is None:
            problems.append(problem)
        if not problems:
            quarters = services_projects.fiscal_quarter_periods(be_year=be_year, budget=budget)
            initial, total = counts
            formsets[prefix] = self.formset_classes[prefix](
                data=periods_data_with_quarters(
                    self.request.POST, prefix=prefix, quarters=quarters, initial=initial, total=total
                ),
                instance=form.instance,
                prefix=prefix,
            )
            messages.info(
                self.request,
                _(
                    "The periods now are the four quarters of fiscal year %(year)s and the old periods are "
                    "marked for deletion. Nothing is saved yet: check them, then press Save."
                )
                % {"year": be_year},
            )
        else:
            for problem in problems:
                messages.error(self.request, problem)
        _quiet(form)
        for formset in formsets.values():
            formset._non_form_errors = formset.error_class()
            for row in formset.forms:
                _quiet(row)
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        typed_year = self.request.POST.get("fiscal_year", "").strip() if self.request.method == "POST" else ""
        instance = getattr(self, "object", None)
        if typed_year:
            context["fiscal_year"] = typed_year
        elif instance is not None and instance.start_date:
            context["fiscal_year"] = fiscal_year(instance.start_date)
        else:
            context["fiscal_year"] = fiscal_year(timezone.localdate())
        return context


class ProjectCreateView(ProjectEditorMixin, CreateView):
    def get_initial(self):
        initial = super().get_initial()
        home = home_programme()
        if home is not None:
            initial["programme"] = home.pk
        return initial


class ProjectEditView(ProjectEditorMixin, UpdateView):
    slug_field = "code"
    slug_url_kwarg = "code"
    context_object_name = "project"

    def get_queryset(self):
        return Project.objects.all()
