"""The data-version area of programmes' cached pages and cached reads (see chsd_portal.cache).

programmes/migrations/0005_track_portal_tables.py has the database bump this area on any write
to projects, their lists, periods, reviews, programmes or users, so nothing cached under it is
ever stale.
"""

from chsd_portal.cache import cache_page_by_data_version

DATA_AREA = "programmes"


def cache_programmes_page(view):
    """Cache a view's page under the programmes area (use with method_decorator on `get`)."""
    return cache_page_by_data_version(DATA_AREA)(view)


def cache_project_page(view):
    """The project page: the programmes area and those of the sections higher apps add to it
    (programmes/project_sections.py), read when the request comes (they register at start-up)."""
    import functools

    from .project_sections import data_areas

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return cache_page_by_data_version(DATA_AREA, *data_areas())(view)(request, *args, **kwargs)

    return wrapper
