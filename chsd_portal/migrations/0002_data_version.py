"""A counter per data area, bumped by statement-level triggers on that area's tables (apps add
the triggers in their own migrations with `chsd_portal.datasql.track_tables`). Cached pages
carry the counter in their key, so any write — through the portal, a command or raw SQL —
makes the very next request render afresh."""

from django.db import migrations

CREATE = """
CREATE TABLE chsd_portal_data_version (
    area text PRIMARY KEY,
    version bigint NOT NULL DEFAULT 0
);
CREATE FUNCTION chsd_portal_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO chsd_portal_data_version AS v (area, version) VALUES (TG_ARGV[0], 1)
    ON CONFLICT (area) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END;
$$;
"""
DROP = """
DROP FUNCTION IF EXISTS chsd_portal_bump_data_version() CASCADE;
DROP TABLE IF EXISTS chsd_portal_data_version;
"""


class Migration(migrations.Migration):
    dependencies = [("chsd_portal", "0001_roles")]
    operations = [migrations.RunSQL(CREATE, DROP)]
