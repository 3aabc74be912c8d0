# Written by hand: builds the search index that 0004 skipped on a server without pg_trgm.

from django.db import migrations

INDEX_NAME = "project_search_trgm"


def create_missing_search_index(apps, schema_editor):
    """A database copied from pgserver's PostgreSQL 16 (no contrib) into the bundled PostgreSQL 18
    ran 0004 where pg_trgm was missing, so it has no trigram index; build it now that it can."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [INDEX_NAME])
        if cursor.fetchone() is not None:
            return
    project = apps.get_model("programmes", "Project")
    index = next(index for index in project._meta.indexes if index.name == INDEX_NAME)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.add_index(project, index)


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0006_history_of_programme_content"),
    ]

    operations = [
        migrations.RunPython(create_missing_search_index, migrations.RunPython.noop, elidable=True),
    ]
