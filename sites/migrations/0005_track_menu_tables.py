"""Bump the "sites" data-version counter on any write to sites or sub-district names: the menu
on every cached page lists the sites (chsd_portal/migrations/0002, chsd_portal.menu)."""

from django.db import migrations

from chsd_portal.datasql import track_tables


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0004_capacity_components"),
        ("chsd_portal", "0002_data_version"),
    ]

    operations = [track_tables("sites", ["sites_site", "sites_subdistrict"])]
