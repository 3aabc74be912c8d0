"""The database table the "ratelimit" cache counts in, where settings point it at the database
(the default: a cache every process and server shares with no other service)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("qa_board", "0001_board")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop)]
