"""What programmes offers the layers below it: menu entries, role permissions and demo data."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, menu, roles
from chsd_portal.search import registry as search
from sites import sections

from . import models
from .demo.guide import load_demo_guide
from .demo.programme import load_demo_programme
from .demo.projects import load_demo_projects
from .selectors import guide as selectors_guide
from .selectors import search as search_sources
from .selectors.site_projects import site_projects_section

# The seed's menu order: หน้าหลัก, กรอบแนวทางการดำเนินการ, แผนการดำเนินกิจกรรม, … โครงการ; admins also
# see ตรวจสอบงบประมาณ.
menu.register(menu.MenuEntry(key="home", label=_("Home"), url_name="programmes:home", order=0))
menu.register(
    menu.MenuEntry(
        key="guide",
        label=_("Operational guidelines"),
        url_name="programmes:guide",
        order=10,
        children=selectors_guide.guide_menu_children,
    )
)
menu.register(
    menu.MenuEntry(
        key="plans",
        label=_("Activity plans"),
        url_name="programmes:plan",
        order=20,
        children=selectors_guide.plan_menu_children,
    )
)
menu.register(
    menu.MenuEntry(
        key="indicators", label=capfirst(_("indicators")), url_name="programmes:indicators", order=25
    )
)
menu.register(
    menu.MenuEntry(key="projects", label=_("Projects"), url_name="programmes:project-list", order=40)
)
menu.register(
    menu.MenuEntry(
        key="warning-review",
        label=_("Budget review"),
        url_name="programmes:warning-review",
        order=90,
        visible_to=roles.is_admin,
    )
)
menu.register(
    menu.MenuEntry(
        key="deleted",
        # The page is "Edit history / deleted items"; the menu says it short (and without the
        # word "edit", which the pages' own edit links use).
        label=_("Deleted items"),
        url_name="programmes:deleted-list",
        order=95,
        visible_to=roles.is_staff_member,
    )
)
selectors_guide.connect_signals()
sections.register_section(
    sections.SiteSection(
        key="projects",
        template="programmes/includes/site_projects.html",
        context=site_projects_section,
        order=30,
    )
)

for role in (roles.STAFF, roles.ADMIN):
    roles.grant(
        role,
        "programmes.view_programme",
        "programmes.change_programme",
        "programmes.change_indicator",
        *(
            f"programmes.{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("framework", "activity", "indicatormeasurement")
        ),
        "programmes.add_project",
        "programmes.change_project",
        "programmes.view_project",
    )
roles.grant(
    roles.ADMIN,
    "programmes.view_warningreview",
    "programmes.add_warningreview",
    "programmes.change_warningreview",
)

demo.register("programme", load_demo_programme, order=20)
demo.register("guide", load_demo_guide, order=25)
demo.register("projects", load_demo_projects, order=30)

# Search (chsd_portal/search/registry.py): the pages programmes owns, kept current by signals.
_programme_children = {
    model: (lambda item: [item.programme_id]) for model in (models.Approach, models.Outcome)
}
search.register(
    search.Source(
        kind="programmes.programme",
        label=_("Programme"),
        model=models.Programme,
        build=search_sources.programme_document,
        queryset=search_sources.programmes,
        related=_programme_children,
        order=10,
    )
)
search.register(
    search.Source(
        kind="programmes.framework",
        label=_("Operational guidelines"),
        model=models.Framework,
        build=search_sources.framework_document,
        queryset=search_sources.frameworks,
        order=20,
    )
)
search.register(
    search.Source(
        kind="programmes.plan",
        label=_("Activity plans"),
        model=models.Framework,
        build=search_sources.plan_document,
        queryset=search_sources.frameworks,
        related={models.Activity: lambda activity: [activity.framework_id]},
        order=25,
    )
)
search.register(
    search.Source(
        kind="programmes.indicator",
        label=capfirst(_("indicators")),
        model=models.Indicator,
        build=search_sources.indicator_document,
        queryset=search_sources.indicators,
        order=30,
    )
)
search.register(
    search.Source(
        kind="programmes.project",
        label=_("Projects"),
        model=models.Project,
        build=search_sources.project_document,
        queryset=search_sources.projects,
        related={
            model: (lambda item: [item.project_id])
            for model in (
                models.ProjectLocation,
                models.ProblemSituation,
                models.ProjectObjective,
                models.TargetGroup,
            )
        },
        private_fields=("programmes.Project.lead_phone", "programmes.Project.lead_email"),
        order=40,
    )
)
