"""Bump the "meetings_articles" data-version counter on writes to articles and categories, so a
cached page that shows them (the project page's articles section) is never stale. Read counts
live in their own tables, which are not tracked: a read never renews a cached page."""

from django.db import migrations

from chsd_portal.datasql import track_tables


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_articles"),
        ("chsd_portal", "0002_data_version"),
    ]

    operations = [track_tables("meetings_articles", ["meetings_article", "meetings_category"])]
