"""What programmes offers the layers below it: menu entries and role permissions."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, menu, roles

from .demo import load_demo_programme

menu.register(menu.MenuEntry(key="home", label=_("Home"), url_name="programmes:home", order=0))

for role in (roles.STAFF, roles.ADMIN):
    roles.grant(role, "programmes.change_programme", "programmes.view_programme")

demo.register("programme", load_demo_programme, order=20)
