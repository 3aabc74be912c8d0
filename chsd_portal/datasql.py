"""SQL helpers for the data-version counters (see migrations/0002_data_version.py)."""

from django.db import connection, migrations


def track_tables(area: str, tables: list[str]) -> migrations.RunSQL:
    """A migration operation: any insert, update, delete or truncate on `tables` bumps `area`."""
    forward, backward = [], []
    for table in tables:
        trigger = f"{table}_bump_{area}"[:63]
        forward.append(
            f'CREATE TRIGGER "{trigger}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION chsd_portal_bump_data_version('{area}');"
        )
        backward.append(f'DROP TRIGGER IF EXISTS "{trigger}" ON "{table}";')
    return migrations.RunSQL("\n".join(forward), "\n".join(backward))


def data_version(areas: tuple[str, ...]) -> str:
    """The areas' counters as one cache-key part, in a single query (read on every cached
    page, so the common one-area case uses the cheapest lookup there is)."""
    with connection.cursor() as cursor:
        if len(areas) == 1:
            cursor.execute("SELECT version FROM chsd_portal_data_version WHERE area = %s", [areas[0]])
            row = cursor.fetchone()
            return f"{areas[0]}:{row[0] if row else 0}"
        cursor.execute(
            "SELECT coalesce(string_agg(area || ':' || version, ',' ORDER BY area), '') "
            "FROM chsd_portal_data_version WHERE area = ANY(%s)",
            [list(areas)],
        )
        return cursor.fetchone()[0]
