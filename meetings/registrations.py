"""What meetings offers the layers below it: the site page's workshops and articles sections and
menu link, the project page's articles section, the home page's latest workshops and articles,
the ข่าว/ประชุม menu entry, role permissions and demo data."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, home_blocks, landing, menu, roles
from chsd_portal.search import registry as search
from programmes import project_sections
from sites import sections
from sites.models import Site
from sites.permissions import can_work_on

from .demo.articles import load_demo_articles
from .demo.workshops import load_demo_workshops
from .models import Article, Category, Workshop
from .selectors import articles as article_selectors
from .selectors import search as search_sources
from .selectors import workshops as selectors

# Bumped by migrations/0003 on writes to articles and categories (not on a read count).
ARTICLES_DATA_AREA = "meetings_articles"

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

# --- News and meetings (ข่าว/ประชุม) ----------------------------------------------------------
menu.register(
    menu.MenuEntry(key="news", label=_("News and meetings"), url_name="meetings:article-list", order=50)
)
home_blocks.register(
    home_blocks.HomeBlock(
        key="latest-articles",
        template="meetings/includes/home_articles.html",
        context=lambda request: {"articles": a} if (a := article_selectors.latest_articles()) else None,
        order=25,
    )
)
sections.register_section(
    sections.SiteSection(
        key="articles",
        template="meetings/includes/linked_articles.html",
        context=lambda request, site: (
            {"articles": a}
            if (a := article_selectors.linked_articles(user=request.user, site=site))
            else None
        ),
        order=25,
    )
)
project_sections.register_section(
    project_sections.ProjectSection(
        key="articles",
        template="meetings/includes/linked_articles.html",
        context=lambda request, project: (
            {"articles": a}
            if (a := article_selectors.linked_articles(user=request.user, project=project))
            else None
        ),
        data_area=ARTICLES_DATA_AREA,
        order=20,
    )
)
ARTICLE_PERMISSIONS = [
    f"meetings.{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("article", "category", "articleimage")
]
for role in (roles.STAFF, roles.ADMIN):
    roles.grant(role, *ARTICLE_PERMISSIONS)

demo.register("articles", load_demo_articles, order=50)
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

# Search (chsd_portal/search/registry.py): articles, published ones for visitors.
search.register(
    search.Source(
        kind="meetings.article",
        label=_("News and meetings"),
        model=Article,
        build=search_sources.article_document,
        queryset=search_sources.articles,
        related={Category: search_sources.category_article_pks},
        order=50,
    )
)
