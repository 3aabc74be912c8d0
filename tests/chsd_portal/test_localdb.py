"""The project's own PostgreSQL: the fallback to Debian's server works when pgserver cannot."""

import glob
import subprocess

import psycopg2
import pytest

from chsd_portal import localdb

SYSTEM_PG_CTL = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))


@pytest.mark.skipif(not SYSTEM_PG_CTL, reason="Debian's PostgreSQL is not installed")
def test_system_postgresql_fallback_starts_a_server_and_creates_the_database(tmp_path):
    pgdata = tmp_path / "pg-system"
    socket_dir = localdb._start_with_system_postgres(pgdata)
    try:
        localdb._ensure_database(socket_dir, "chsd_fallback")
        localdb._ensure_database(socket_dir, "chsd_fallback")  # a second call reuses it
        connection = psycopg2.connect(dbname="chsd_fallback", user="postgres", host=socket_dir)
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database()")
            assert cursor.fetchone()[0] == "chsd_fallback"
        connection.close()
        # Starting again finds the running server instead of failing.
        assert localdb._start_with_system_postgres(pgdata) == socket_dir
    finally:
        run_as = ["runuser", "-u", "postgres", "--"] if pgdata.owner() == "postgres" else []
        subprocess.run(
            [*run_as, SYSTEM_PG_CTL[-1], "-D", str(pgdata), "-m", "fast", "stop"], capture_output=True
        )
