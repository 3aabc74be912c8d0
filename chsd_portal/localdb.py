"""The portal's own PostgreSQL, for machines where DATABASE_URL is not set.

A newcomer needs no database set-up: the first `manage.py` call starts a server in `.data/`
(the `pgserver` package ships its binaries) and later calls reuse it. The server listens on a
Unix socket only and keeps running between commands, so a second `make run` starts in seconds.
When pgserver cannot run, Debian's own PostgreSQL under `runuser -u postgres` is the fallback.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

logger = logging.getLogger(__name__)

DATABASE_NAME = "chsd"  # LOCAL_DATABASE_NAME picks another one on the same server (the benchmark's)


def local_database_url(data_dir: Path) -> str:
    """Start (or reuse) the local server and return a DATABASE_URL for the portal's database."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        socket_dir = _start_with_pgserver(data_dir / "pg")
    except Exception as error:  # pgserver missing, or unable to run here: try the system server
        logger.warning("pgserver could not start PostgreSQL (%s); trying the system PostgreSQL", error)
        socket_dir = _start_with_system_postgres(data_dir / "pg-system")
    name = os.environ.get("LOCAL_DATABASE_NAME") or DATABASE_NAME
    _ensure_database(socket_dir, name)
    return f"postgres://postgres@/{name}?host={socket_dir}"


def _start_with_pgserver(pgdata: Path) -> str:
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (as under root); its fallback is fine.
        warnings.simplefilter("ignore")
        import pgserver

    server = pgserver.get_server(pgdata, cleanup_mode=None)
    query = parse_qs(urlparse(server.get_uri()).query)
    return query["host"][0]


def _start_with_system_postgres(pgdata: Path) -> str:
    binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    if not binaries:
        raise RuntimeError(
            "No PostgreSQL found: install the Python requirements (pgserver) or set DATABASE_URL."
        )
    bin_dir = Path(binaries[-1]).parent
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    pgdata.mkdir(parents=True, exist_ok=True)
    if run_as:
        shutil.chown(pgdata, "postgres", "postgres")
        for parent in pgdata.parents:  # the server's user must be able to reach its folder
            parent.chmod(parent.stat().st_mode | 0o005)
    if not (pgdata / "PG_VERSION").exists():
        subprocess.run(
            [*run_as, bin_dir / "initdb", "-D", pgdata, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
            check=True,
            capture_output=True,
        )
    status = subprocess.run([*run_as, bin_dir / "pg_ctl", "-D", pgdata, "status"], capture_output=True)
    if status.returncode != 0:
        subprocess.run(
            [
                *run_as,
                bin_dir / "pg_ctl",
                "-D",
                pgdata,
                "-w",
                "-l",
                pgdata / "server.log",
                "-o",
                f"-h '' -k {pgdata}",
                "start",
            ],
            check=True,
            capture_output=True,
        )
    return str(pgdata)


def _ensure_database(socket_dir: str, name: str) -> None:
    import psycopg2

    connection = psycopg2.connect(dbname="postgres", user="postgres", host=socket_dir)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        connection.close()
