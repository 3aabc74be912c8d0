"""What sites offers chsd_portal: its menu entry, home block, role permissions and demo data."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, home_blocks, menu, roles
from chsd_portal.search import registry as search

from .demo.geography import load_geography_for_demo
from .demo.sites import load_demo_sites
from .models import CapacityReport, ComponentScore, Site
from .selectors import search as search_sources
from .selectors.home import sites_home_block
from .selectors.sites import sites_menu_children

# The seed's order: … แผนการดำเนินกิจกรรม, พื้นที่ดำเนินการ (each site ▸ its reports, workshops), โครงการ.
menu.register(
    menu.MenuEntry(
        key="sites", label=_("Sites"), url_name="sites:site-overview", order=30, children=sites_menu_children
    )
)
menu.register_data_area("sites")  # migrations/0005: writes to sites bump it
home_blocks.register(
    home_blocks.HomeBlock(
        key="sites-map", template="sites/includes/home_block.html", context=sites_home_block, order=10
    )
)

for role in (roles.STAFF, roles.ADMIN):
    roles.grant(
        role,
        "sites.add_site",
        "sites.change_site",
        "sites.view_site",
        *(f"sites.{action}_capacityreport" for action in ("add", "change", "delete", "view")),
    )
# A mentor's reports are limited to the sites assigned to them (sites.permissions.can_work_on).
roles.grant(
    roles.MENTOR, *(f"sites.{action}_capacityreport" for action in ("add", "change", "delete", "view"))
)
roles.grant(
    roles.ADMIN, *(f"sites.{action}_capacitycomponent" for action in ("add", "change", "delete", "view"))
)

demo.register("geography", load_geography_for_demo, order=1)
demo.register("sites", load_demo_sites, order=5)

# Search (chsd_portal/search/registry.py): sites and capacity reports; a site's name, place and
# mentors show in its reports' documents, so a change to the site indexes them again.
search.register(
    search.Source(
        kind="sites.site",
        label=_("Sites"),
        model=Site,
        build=search_sources.site_document,
        queryset=search_sources.sites,
        order=50,
    )
)
search.register(
    search.Source(
        kind="sites.report",
        label=_("Capacity reports"),
        model=CapacityReport,
        build=search_sources.report_document,
        queryset=search_sources.reports,
        related={
            ComponentScore: lambda score: [score.report_id],
            Site: search_sources.site_report_pks,
            Site.mentors.through: search_sources.site_report_pks,
        },
        order=55,
    )
)
