"""The "qa_board" data-version area of the board's cached pages: the list, and the thread page
as visitors who asked nothing see it (see chsd_portal.cache).

qa_board/migrations/0003_track_board_tables.py has the database bump the area on any write to
questions, answers and topics, except a write to a question's view count alone: every thread
visit counts a view, and letting that invalidate the pages would leave them uncached. Their
view counts may so lag by up to the cache's timeout (ten minutes); everything else they show is
never stale. The menu reads programmes, so the page also keys on that area.
"""

from chsd_portal.cache import cache_page_by_data_version

DATA_AREA = "qa_board"


def cache_board_page(view):
    return cache_page_by_data_version(DATA_AREA, "programmes")(view)
