"""Bump the "warnings" data-version counter on any write to the tables the budget review reads
(projects, periods, reviews, programme names, reviewers' names), so the review page's cached
rows are never stale (see chsd_portal/migrations/0002_data_version.py)."""

from django.db import migrations

from chsd_portal.datasql import track_tables


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0004_project_search_trgm"),
        ("chsd_portal", "0002_data_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        track_tables(
            "warnings",
            [
                "programmes_project",
                "programmes_budgetperiod",
                "programmes_warningreview",
                "programmes_programme",
                "auth_user",
            ],
        )
    ]
