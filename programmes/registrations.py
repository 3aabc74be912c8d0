"""What programmes offers the layers below it: menu entries and role permissions."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, menu, roles

from . import selectors_guide, selectors_project_list
from .demo import load_demo_programme
from .demo_guide import load_demo_guide
from .demo_projects import load_demo_projects

menu.register(menu.MenuEntry(key="home", label=_("Home"), url_name="programmes:home", order=0))
menu.register(
    menu.MenuEntry(key="projects", label=_("Projects"), url_name="programmes:project-list", order=40)
)
selectors_project_list.connect_choice_signals()

for role in (roles.STAFF, roles.ADMIN):
    roles.grant(role, "programmes.change_programme", "programmes.view_programme")
    roles.grant(role, "programmes.add_project", "programmes.change_project", "programmes.view_project")

menu.register(
    menu.MenuEntry(
        key="warning-review",
        label=_("Budget review"),
        url_name="programmes:warning-review",
        order=90,
        visible_to=roles.is_admin,
    )
)
roles.grant(
    roles.ADMIN,
    "programmes.view_warningreview",
    "programmes.add_warningreview",
    "programmes.change_warningreview",
)

# Guide, activity plans and indicators (views/guide.py).
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
    menu.MenuEntry(key="indicators", label=_("Indicators"), url_name="programmes:indicators", order=25)
)
selectors_guide.connect_signals()
for role in (roles.STAFF, roles.ADMIN):
    roles.grant(
        role,
        *(
            f"programmes.{action}_{model}"
            for action in ("add", "change", "delete")
            for model in ("framework", "activity")
        ),
        *(f"programmes.{action}_indicatormeasurement" for action in ("add", "change", "delete")),
        "programmes.change_indicator",
    )
demo.register("guide", load_demo_guide, order=25)

demo.register("programme", load_demo_programme, order=20)
demo.register("projects", load_demo_projects, order=30)
