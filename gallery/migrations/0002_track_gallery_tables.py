"""Bump the "gallery" data-version counter on any write to albums and photos (the album pages'
cache, chsd_portal/cache.py), and "programmes" too: the project page, cached under that area,
shows a project's albums (registered with chsd_portal.page_sections)."""

from django.db import migrations

from chsd_portal.datasql import track_tables

TABLES = ["gallery_album", "gallery_photo"]


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0001_initial"),
        ("chsd_portal", "0002_data_version"),
    ]

    operations = [track_tables("gallery", TABLES), track_tables("programmes", TABLES)]
