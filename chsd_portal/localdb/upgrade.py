"""Copy a data folder made by an older version of the portal into the bundled server, once.

A PostgreSQL data folder opens only with its own major version, so pgserver's PostgreSQL 16
folder (or Debian's) cannot be used by the bundled PostgreSQL 18 as it is. The old folder is
started with its own binaries on a private socket (so nothing can write to it during the copy),
dumped with the new `pg_dumpall`, restored into a new folder, and checked table by table; only
then is the new folder put in place and the marker written. The old folder is kept, renamed,
never deleted. A dump and restore rather than `pg_upgrade`: the local database is small, and
the two builds need not agree on anything but SQL.
"""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from .cluster import Cluster, ServerError

SKIPPED_DATABASES = "test_*"  # left behind by interrupted test runs; not the user's work


def copy_into_new_cluster(old: Cluster, data_dir: Path) -> Cluster:
    """Copy every database of `old` into a new bundled cluster; return the new cluster."""
    from . import BUNDLED_FOLDER, LocalDatabaseError, _bundled_cluster, write_marker

    incoming = data_dir / f"{BUNDLED_FOLDER}.incoming"  # the copy while it is made; never read as data
    if incoming.exists():
        shutil.rmtree(incoming)  # a copy an interrupted attempt left half made; the old folder is whole
    new = _bundled_cluster(incoming)
    print(
        f"\nกำลังคัดลอกฐานข้อมูลเดิม ({old.pgdata}, PostgreSQL {old.data_major()}) ไปยังเซิร์ฟเวอร์ใหม่ ...\n"
        f"Copying the old database ({old.pgdata}, PostgreSQL {old.data_major()}) into the new server ...",
        file=sys.stderr,
    )
    try:
        new.init()
        with tempfile.TemporaryDirectory(prefix="chsd-upgrade-") as scratch:
            scratch = Path(scratch)
            scratch.chmod(0o711)  # both servers' users reach their socket folders inside
            if old.running():
                old.stop()
            old_socket = old.start(scratch / "old")
            try:
                new_socket = new.start(scratch / "new")
                try:
                    dump = scratch / "all.sql"
                    _client(new, "pg_dumpall", "-h", old_socket, "-U", "postgres", "--no-role-passwords",
                            f"--exclude-database={SKIPPED_DATABASES}", "-f", dump)  # fmt: skip
                    _drop_bootstrap_role(dump)
                    _client(new, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", new_socket, "-U", "postgres",
                            "-d", "postgres", "-f", dump)  # fmt: skip
                    _check_same_rows(old_socket, new_socket)
                finally:
                    new.stop()
            finally:
                old.stop()
    except (ServerError, OSError) as error:
        raise LocalDatabaseError(
            f"คัดลอกฐานข้อมูลเดิมใน {old.pgdata} ไปยังเซิร์ฟเวอร์ใหม่ไม่สำเร็จ โฟลเดอร์เดิมยังอยู่ครบ ไม่ได้เปลี่ยนแปลงข้อมูล\n"
            "ให้สั่งใหม่อีกครั้ง หากยังไม่สำเร็จ ให้ส่งข้อความด้านล่างนี้ให้ผู้ดูแลโครงการ",
            f"Copying the old database in {old.pgdata} into the new server failed. The old folder is "
            "whole and its data unchanged.\nTry again; if it fails again, send the text below to the "
            f"project's maintainers.\n\n{error}",
        ) from None
    final = data_dir / BUNDLED_FOLDER
    incoming.rename(final)
    write_marker(data_dir, "bundled", BUNDLED_FOLDER)
    kept = _kept_name(old)
    old.pgdata.rename(kept)
    print(
        f"คัดลอกเสร็จแล้ว ฐานข้อมูลอยู่ที่ {final} ส่วนโฟลเดอร์เดิมเก็บไว้ที่ {kept} (ลบได้เมื่อมั่นใจแล้ว)\n"
        f"Done: the database is now in {final}; the old folder is kept as {kept} (delete it when "
        "you are satisfied).\n",
        file=sys.stderr,
    )
    return _bundled_cluster(final)


def _client(cluster: Cluster, program: str, *args) -> None:
    """Run a client program (it connects over the socket, so it may run as anyone, root too)."""
    result = subprocess.run(
        [str(cluster.bin_dir / program), *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ServerError(f"{program} failed ({result.returncode}): {result.stderr.strip()}")


def _drop_bootstrap_role(dump: Path) -> None:
    """initdb already made the superuser `postgres`; its CREATE ROLE would stop the restore."""
    lines = dump.read_text().splitlines(keepends=True)
    dump.write_text("".join(line for line in lines if line != "CREATE ROLE postgres;\n"))


def _check_same_rows(old_socket: Path, new_socket: Path) -> None:
    """Every database and table copied has as many rows as the original."""
    old_counts, new_counts = _row_counts(old_socket), _row_counts(new_socket)
    if old_counts != new_counts:
        differences = sorted(set(old_counts.items()) ^ set(new_counts.items()))[:10]
        raise ServerError(f"the copy differs from the original: {differences}")


def _row_counts(socket_dir: Path) -> dict[tuple[str, str], int]:
    """{(database, table): rows} for every database but the skipped ones, and (database, "")."""
    databases = _query(socket_dir, "postgres", "SELECT datname FROM pg_database WHERE datallowconn")
    counts = {}
    for (database,) in databases:
        if fnmatch.fnmatch(database, SKIPPED_DATABASES):
            continue
        counts[(database, "")] = -1  # the database itself, even with no table
        tables = _query(
            socket_dir,
            database,
            "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
        )
        for (table,) in tables:
            counts[(database, table)] = _query(socket_dir, database, f"SELECT count(*) FROM {table}")[0][0]
    return counts


def _query(socket_dir: Path, database: str, query: str) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(dbname=database, user="postgres", host=str(socket_dir))
    try:
        with connection.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchall()
    finally:
        connection.close()


def _kept_name(old: Cluster) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return old.pgdata.with_name(f"{old.pgdata.name}-pg{old.data_major()}-kept-{stamp}")
