"""What meetings offers the layers below it: the site page's workshops section and menu link,
the home page's latest workshops, role permissions and demo data."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, home_blocks, landing, menu, roles
from chsd_portal.search import registry as search
from sites import sections
from sites.models import Site
from sites.permissions import can_work_on

from .demo.workshops import load_demo_workshops
from .models import Workshop
from .selectors import search as search_sources
from .selectors import workshops as selectors

sections.register_section(
    sections.SiteSection(
        key="workshops",
        template="meetings/includes/site_workshops.html",
        context=lambda request, site: selectors.site_section(
            site, include_drafts=can_work_on(request.user, site)
        ),
        order=20,
    )
)
sections.register_menu_link(
    sections.SiteMenuLink(
        key="workshops", label=_("Area workshops"), url_name="meetings:workshop-list", order=20
    )
)
home_blocks.register(
    home_blocks.HomeBlock(
        key="latest-workshops",
        template="meetings/includes/home_workshops.html",
        context=lambda request: {"workshops": w} if (w := selectors.latest_workshops()) else None,
        order=20,
    )
)

menu.register(
    menu.MenuEntry(
        key="my-work",
        label=_("My work"),
        url_name="meetings:my-work",
        order=5,
        visible_to=lambda user: roles.has_role(user, roles.MENTOR) and not user.is_superuser,
    )
)
landing.register(roles.MENTOR, "meetings:my-work")

WORKSHOP_PERMISSIONS = [
    f"meetings.{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("workshop", "attendance", "participant")
]
for role in (roles.STAFF, roles.ADMIN, roles.MENTOR):
    # A mentor's are limited to the sites assigned to them (sites.permissions.can_work_on).
    roles.grant(role, *WORKSHOP_PERMISSIONS)

demo.register("workshops", load_demo_workshops, order=45)

# Search (chsd_portal/search/registry.py): workshops, never their participants.
search.register(
    search.Source(
        kind="meetings.workshop",
        label=_("Workshops"),
        model=Workshop,
        build=search_sources.workshop_document,
        queryset=search_sources.workshops,
        related={
            Site: search_sources.site_workshop_pks,
            Site.mentors.through: search_sources.site_workshop_pks,
        },
        private_fields=("meetings.Participant.name", "meetings.Participant.phone"),
        order=60,
    )
)
