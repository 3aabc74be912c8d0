"""What programmes offers the layers below it: menu entries, role permissions and demo data."""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, menu, roles
from sites import sections

from .demo.guide import load_demo_guide
from .demo.programme import load_demo_programme
from .demo.projects import load_demo_projects
from .selectors import guide as selectors_guide
from .selectors.site_projects import site_projects_section

# The seed's menu order: หน้าหลัก, กรอบแนวทางการดำเนินการ, แผนการดำเนินกิจกรรม, … โครงการ; admins also
# see ตรวจสอบงบประมาณ, under สำหรับเจ้าหน้าที่ (chsd_portal/menu.py) with the deleted items.
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
        group=menu.STAFF_GROUP,
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
        group=menu.STAFF_GROUP,
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
