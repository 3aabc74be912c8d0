# Written by hand: the "search" data-version area (chsd_portal/cache.py) that the results page
# is cached under; every write to the index bumps it, so a save shows in the very next search.

from django.db import migrations

from chsd_portal.datasql import track_tables


class Migration(migrations.Migration):
    dependencies = [
        ("chsd_portal", "0002_data_version"),
        ("search", "0001_search_document"),
    ]

    operations = [track_tables("search", ["search_searchdocument"])]
