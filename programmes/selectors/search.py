"""What programmes gives the search index (registered in registrations.py): the home programme,
its frameworks and activity plans, indicators, and projects. Never a project lead's phone or
e-mail (personal data, PDPA)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext

from chsd_portal.search.registry import Document, join
from chsd_portal.thai import format_money

from ..models import Activity, Framework, Indicator, Programme, Project, ProjectLocation


def programmes():
    return Programme.objects.prefetch_related("approaches", "outcomes")


def programme_document(programme: Programme) -> Document | None:
    """The home page's programme; a programme not on the home page has no page to link to."""
    if not programme.on_home_page:
        return None
    return Document(
        title=programme.name,
        url=reverse("programmes:home"),
        body=join(
            programme.summary,
            programme.objective,
            programme.goal_quantitative,
            programme.goal_qualitative,
            *(approach.text for approach in programme.approaches.all()),
            *(outcome.text for outcome in programme.outcomes.all()),
            programme.process_text,
            programme.framework_summary,
        ),
        date=programme.updated_at,
    )


def frameworks():
    return Framework.objects.select_related("programme").prefetch_related(
        Prefetch("activities", queryset=Activity.objects.order_by("position", "id"))
    )


def framework_document(framework: Framework) -> Document | None:
    if not framework.programme.on_home_page:
        return None
    return Document(
        title=gettext("Framework %(number)s %(title)s")
        % {"number": framework.number, "title": framework.title},
        url=reverse("programmes:framework-detail", args=[framework.number]),
        body=framework.body,
        date=framework.updated_at,
    )


def plan_document(framework: Framework) -> Document | None:
    """A framework's activity plan (แผนการดำเนินกิจกรรม): its activities and who is responsible."""
    if not framework.programme.on_home_page:
        return None
    activities = list(framework.activities.all())
    if not activities:
        return None
    return Document(
        title=gettext("Activity plan, framework %(number)s %(title)s")
        % {"number": framework.number, "title": framework.title},
        url=reverse("programmes:plan-detail", args=[framework.number]),
        body="\n".join(join(activity.title, activity.responsible) for activity in activities),
        date=max((a.start_date for a in activities if a.start_date), default=None),
    )


def indicators():
    return Indicator.objects.select_related("programme")


def indicator_document(indicator: Indicator) -> Document | None:
    if not indicator.programme.on_home_page:
        return None
    return Document(
        title=indicator.description,
        url=reverse("programmes:indicator-detail", args=[indicator.pk]),
        body=join(indicator.target_text, indicator.unit),
    )


def projects():
    return Project.objects.select_related("programme").prefetch_related(
        "objectives",
        "problems",
        "target_groups",
        Prefetch(
            "locations",
            queryset=ProjectLocation.objects.select_related("province", "district", "subdistrict"),
        ),
    )


def project_document(project: Project) -> Document:
    """A project: published for everyone, a draft for staff and its mentor (as the project pages)."""
    places = [
        " ".join(part.name_th for part in (loc.subdistrict, loc.district, loc.province) if part)
        for loc in project.locations.all()
    ]
    return Document(
        title=f"{project.code} {project.name}",
        url=reverse("programmes:project-detail", args=[project.code]),
        body=join(
            project.organisation,
            project.responsible_organisation,
            project.funding_source,
            f"{Project._meta.get_field('budget').verbose_name} {format_money(project.budget)}",
            project.area,
            *places,
            project.rationale,
            *(join(problem.description, problem.size) for problem in project.problems.all()),
            *(join(item.objective, item.indicators) for item in project.objectives.all()),
            *(group.name for group in project.target_groups.all()),
        ),
        date=project.approved_on or project.start_date,
        public=project.status == Project.Status.PUBLISHED,
        reader_ids=[project.mentor_id] if project.mentor_id else [],
    )
