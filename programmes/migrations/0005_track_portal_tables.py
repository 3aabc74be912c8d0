"""Bump the "programmes" data-version counter on any write to a table the programme pages show
(programme content, frameworks, projects and everything under them, warning reviews, and the
people named on pages), so cached pages are never stale (chsd_portal/migrations/0002)."""

from django.db import migrations

from chsd_portal.datasql import track_tables

TABLES = [
    "programmes_programme",
    "programmes_indicator",
    "programmes_indicatormeasurement",
    "programmes_approach",
    "programmes_outcome",
    "programmes_framework",
    "programmes_activity",
    "programmes_project",
    "programmes_projectlocation",
    "programmes_budgetperiod",
    "programmes_problemsituation",
    "programmes_projectobjective",
    "programmes_targetgroup",
    "programmes_warningreview",
    "auth_user",
    "auth_user_groups",
]


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0004_project_search_trgm"),
        ("chsd_portal", "0002_data_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [track_tables("programmes", TABLES)]
