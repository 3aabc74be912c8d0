"""What gallery offers the layers below it: the menu's รูปกิจกรรม, the home page's strip of the
latest albums, the albums of a site's, a workshop's and a project's page, the search source
(albums and their captions), role permissions and the demo albums of seeds 003 and 004."""

from django.utils.translation import gettext_lazy as _

from chsd_portal import demo, home_blocks, menu, page_sections, roles
from chsd_portal.search import registry as search
from programmes import project_sections
from sites import sections
from sites.models import Site

from .demo.albums import load_demo_albums
from .models import Album, Photo
from .selectors import albums as selectors
from .selectors import search as search_sources

menu.register(
    menu.MenuEntry(key="albums", label=_("Activity photos"), url_name="gallery:album-list", order=70)
)

home_blocks.register(
    home_blocks.HomeBlock(
        key="latest-albums",
        template="gallery/includes/home_albums.html",
        context=lambda request: {"albums": a} if (a := selectors.latest_albums()) else None,
        order=50,
    )
)


def _albums_of(field: str):
    """A page section's data: the newest albums tied to the page's site, workshop or project."""

    def context(request, obj):
        albums = selectors.albums_for(user=request.user, **{field: obj})
        return {"albums": albums} if albums else None

    return context


sections.register_section(
    sections.SiteSection(
        key="albums", template="gallery/includes/albums_section.html", context=_albums_of("site"), order=40
    )
)
project_sections.register_section(
    project_sections.ProjectSection(
        key="albums",
        template="gallery/includes/albums_section.html",
        context=_albums_of("project"),
        data_area="gallery",  # gallery/migrations/0002: writes to albums and photos bump it
        order=40,
    )
)
for page, field in (("meetings.workshop", "workshop"), ("meetings.article", "article")):
    page_sections.register(
        page_sections.PageSection(
            page=page,
            key="albums",
            template="gallery/includes/albums_section.html",
            context=_albums_of(field),
        )
    )

ALBUM_PERMISSIONS = [
    f"gallery.{action}_{model}"
    for action in ("add", "change", "delete", "view")
    for model in ("album", "photo")
]
for role in (roles.STAFF, roles.ADMIN, roles.MENTOR):
    # A mentor's are limited to the albums of the sites assigned to them (gallery.permissions).
    roles.grant(role, *ALBUM_PERMISSIONS)

demo.register("albums", load_demo_albums, order=70)

# Search (chsd_portal/search/registry.py): albums with their photos' captions. Writes that skip
# the signals (services/albums.py: photos_arrange's bulk update) call search.changed themselves.
search.register(
    search.Source(
        kind="gallery.album",
        label=_("Activity photos"),
        model=Album,
        build=search_sources.album_document,
        queryset=search_sources.albums,
        related={
            Photo: lambda photo: [photo.album_id],
            Site: search_sources.site_album_pks,
            Site.mentors.through: search_sources.site_album_pks,
        },
        order=70,
    )
)
