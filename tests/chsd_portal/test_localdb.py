"""The project's own PostgreSQL: whatever stops the portal, the next start finds the same data.

Every test here works on its own temporary data folder (LOCAL_DATABASE_DIR for the portal's
processes), never on the development database, and stops the servers it started with pg_ctl
on that folder alone.
"""

import glob
import http.cookiejar
import importlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.db import connection

from chsd_portal import localdb

BASE_DIR = Path(settings.BASE_DIR)
SYSTEM_PG_CTL = glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")


@pytest.fixture
def data_dir():
    """A temporary `.data`; every server started on it is stopped, then it is removed.

    Not under pytest's tmp_path: each pytest session on the machine resets /tmp/pytest-of-root
    to 0700, which would shut the server's own user out of its folder in the middle of a test.
    """
    scratch = Path(tempfile.mkdtemp(prefix="chsd-localdb-"))
    folder = scratch / "data"
    yield folder
    if folder.exists():
        localdb.stop_servers(folder)
    shutil.rmtree(scratch)


def rows(url, query):
    parsed = urllib.parse.urlparse(url)
    host = urllib.parse.parse_qs(parsed.query)["host"][0]
    conn = psycopg2.connect(dbname=parsed.path.lstrip("/"), user="postgres", host=host)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            cursor.execute(query)
            result = cursor.fetchall() if cursor.description else None
    finally:
        conn.close()
    return result


def bundled_cluster(pgdata):
    return localdb._bundled_cluster(Path(pgdata))


# --- The portal as `make run` runs it -------------------------------------------------------


def portal_env(data_dir):
    env = {
        **os.environ,
        "LOCAL_DATABASE_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "chsd_portal.settings.dev",
        "DJANGO_SUPERUSER_PASSWORD": "canary-password-1",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("DATABASE_URL", "LOCAL_DATABASE_NAME"):
        env.pop(name, None)
    return env


def manage(data_dir, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=portal_env(data_dir), check=True, timeout=300
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signs_in(base_url, username, password):
    """True when the running portal accepts the account (it found the user's row)."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
    )
    page = opener.open(f"{base_url}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    try:
        opener.open(f"{base_url}/accounts/login/", data=form.encode(), timeout=30)
    except urllib.error.HTTPError as answer:
        return answer.code == 302
    return False  # 200: the form again, with an error


def start_portal(data_dir, port, log):
    """`manage.py runserver` with its reloader, in its own process group, as `make run` does."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=portal_env(data_dir),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the portal exited: {Path(log.name).read_text()}"
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
            return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError(f"the portal did not answer: {Path(log.name).read_text()}")


def stop_portal(process, how):
    os.killpg(process.pid, how)  # the whole group: the reloader and the serving child
    process.wait(timeout=30)


def test_portal_finds_the_same_account_after_every_way_of_stopping_it(data_dir, tmp_path):
    "Ctrl-C, SIGTERM or a closed terminal to runserver's process group, even with the database server gone too, loses nothing"
    manage(data_dir, "migrate", "--noinput", "-v", "0")
    marker = (data_dir / localdb.MARKER).read_text()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    logs = [tmp_path / f"runserver-{start}.log" for start in range(7)]
    stops = [  # (signal to the group, then stop the database server as a reboot would)
        (signal.SIGTERM, False),
        (signal.SIGINT, False),
        (signal.SIGTERM, False),
        (signal.SIGINT, False),
        (signal.SIGHUP, False),
        (signal.SIGTERM, True),
    ]
    with open(logs[0], "w") as log:
        process = start_portal(data_dir, port, log)
    manage(data_dir, "createsuperuser", "--noinput", "--username", "canary", "--email", "c@example.org")
    assert signs_in(base_url, "canary", "canary-password-1")
    for cycle, (how, server_too) in enumerate(stops, start=1):
        stop_portal(process, how)
        if server_too:
            bundled_cluster(data_dir / localdb.BUNDLED_FOLDER).stop(mode="immediate")
        with open(logs[cycle], "w") as log:
            process = start_portal(data_dir, port, log)
        assert signs_in(base_url, "canary", "canary-password-1"), f"after {how.name}: the account is gone"
        assert (data_dir / localdb.MARKER).read_text() == marker
        assert sorted(path.name for path in data_dir.iterdir() if not path.name.startswith(".")) == [
            localdb.MARKER,
            localdb.BUNDLED_FOLDER,
        ]
    stop_portal(process, signal.SIGINT)
    for log in logs:
        assert "Traceback" not in log.read_text(), log.read_text()


# --- State left behind by older versions --------------------------------------------------


def make_pgserver_database(pgdata):
    """A database as the previous version made it: pgserver's own Python layer, PostgreSQL 16."""
    script = (
        "import warnings, sys; warnings.simplefilter('ignore'); import pgserver; "
        "server = pgserver.get_server(sys.argv[1], cleanup_mode=None); "
        "server.psql('CREATE DATABASE chsd'); print(server.get_uri('chsd'))"
    )
    uri = subprocess.run(
        [sys.executable, "-c", script, str(pgdata)], capture_output=True, text=True, check=True
    ).stdout.strip()
    with psycopg2.connect(uri) as conn, conn.cursor() as cursor:
        cursor.execute("CREATE TABLE work (title text)")
        cursor.execute("INSERT INTO work VALUES ('โครงการเดิมของผู้ใช้')")
    conn.close()


def test_old_pgserver_database_with_an_empty_state_file_is_copied_into_postgresql_18_and_kept(data_dir):
    "The old server's empty .handle_pids.json does not matter: its data reaches the new server, the old folder stays"
    data_dir.mkdir()
    make_pgserver_database(data_dir / localdb.PGSERVER_FOLDER)  # left running, as pgserver leaves it
    (data_dir / localdb.PGSERVER_FOLDER / ".handle_pids.json").write_text("")  # the bug's leftover
    (data_dir / "postgres.incoming").mkdir()  # and a half-made copy from an interrupted attempt
    (data_dir / "postgres.incoming" / "PG_VERSION").write_text("18\n")

    url = localdb.local_database_url(data_dir)

    assert f"host={data_dir / localdb.BUNDLED_FOLDER}" in url
    assert rows(url, "SELECT title FROM work") == [("โครงการเดิมของผู้ใช้",)]
    assert rows(url, "SHOW server_version_num")[0][0].startswith("18")
    assert rows(
        url, "SELECT count(*) FROM pg_available_extensions WHERE name IN ('pg_trgm', 'unaccent')"
    ) == [(2,)]
    kept = [path for path in data_dir.iterdir() if path.name.startswith("pg-pg16-kept-")]
    assert len(kept) == 1 and (kept[0] / "PG_VERSION").read_text().strip() == "16"
    assert not (data_dir / localdb.PGSERVER_FOLDER).exists()
    assert not (data_dir / "postgres.incoming").exists()
    assert json.loads((data_dir / localdb.MARKER).read_text()) == {"server": "bundled", "folder": "postgres"}

    # A later start, even with the marker emptied by a crash, opens the same database.
    (data_dir / localdb.MARKER).write_text("")
    assert rows(localdb.local_database_url(data_dir), "SELECT title FROM work") == [("โครงการเดิมของผู้ใช้",)]


def test_marker_naming_a_missing_folder_stops_with_a_thai_and_english_message_and_creates_nothing(data_dir):
    "When the recorded database is gone the portal says so instead of starting on an empty one"
    data_dir.mkdir()
    localdb.write_marker(data_dir, "bundled", localdb.BUNDLED_FOLDER)
    with pytest.raises(localdb.LocalDatabaseError) as refused:
        localdb.local_database_url(data_dir)
    assert "ไม่พบฐานข้อมูล" in str(refused.value) and "is missing" in str(refused.value)
    assert sorted(path.name for path in data_dir.iterdir()) == [".lock", localdb.MARKER]


def test_manage_py_prints_the_refusal_without_a_traceback(data_dir):
    "A command that cannot open the database ends with the bilingual message and status 1"
    data_dir.mkdir()
    localdb.write_marker(data_dir, "bundled", localdb.BUNDLED_FOLDER)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=portal_env(data_dir),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "ไม่พบฐานข้อมูลของพอร์ทัล" in result.stderr and "make clean-db" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_marker_without_any_database_folder_refuses_to_start_an_empty_one(data_dir):
    "A damaged marker says a database existed: the portal does not make a new empty one"
    data_dir.mkdir()
    (data_dir / localdb.MARKER).write_text('{"server": ')
    with pytest.raises(localdb.LocalDatabaseError, match="cannot be read"):
        localdb.local_database_url(data_dir)
    assert sorted(path.name for path in data_dir.iterdir()) == [".lock", localdb.MARKER]


def test_two_old_databases_stop_with_a_message_and_touch_neither(data_dir):
    "pgserver's folder and the old silent fallback's folder both present: the user chooses, nothing moves"
    for folder in (localdb.PGSERVER_FOLDER, localdb.SYSTEM_FOLDER):
        (data_dir / folder).mkdir(parents=True)
        (data_dir / folder / "PG_VERSION").write_text("16\n")
    with pytest.raises(localdb.LocalDatabaseError) as refused:
        localdb.local_database_url(data_dir)
    assert "สองชุด" in str(refused.value) and "touched neither" in str(refused.value)
    assert sorted(path.name for path in data_dir.iterdir()) == [".lock", "pg", "pg-system"]
    assert all(sorted(os.listdir(data_dir / folder)) == ["PG_VERSION"] for folder in ("pg", "pg-system"))


def test_database_that_cannot_start_stops_with_the_log_and_never_falls_back(data_dir):
    "A broken server configuration is reported with the server's own words; no second database appears"
    localdb.local_database_url(data_dir)
    cluster = bundled_cluster(data_dir / localdb.BUNDLED_FOLDER)
    cluster.stop()
    with open(cluster.pgdata / "postgresql.conf", "a") as conf:
        conf.write("shared_buffers = 'not a size'\n")
    with pytest.raises(localdb.LocalDatabaseError) as refused:
        localdb.local_database_url(data_dir)
    message = str(refused.value)
    assert "เริ่มทำงานไม่ได้" in message and "did not start" in message and "shared_buffers" in message
    assert not (data_dir / localdb.SYSTEM_FOLDER).exists()
    assert json.loads((data_dir / localdb.MARKER).read_text())["folder"] == localdb.BUNDLED_FOLDER


# --- Debian's PostgreSQL, only where the bundled server cannot run -------------------------


@pytest.mark.skipif(not SYSTEM_PG_CTL, reason="Debian's PostgreSQL is not installed")
def test_debian_postgresql_is_used_only_on_a_fresh_machine_and_then_kept(data_dir, monkeypatch):
    "Bundled binaries that cannot run make a fresh setup use Debian's server, and that choice stays"
    broken = data_dir.parent / "broken-bin"
    broken.mkdir()
    (broken / "postgres").write_text("not a program")
    (broken / "postgres").chmod(0o755)
    with monkeypatch.context() as patched:
        patched.setattr(localdb, "bundled_bin_dir", lambda: broken)
        url = localdb.local_database_url(data_dir)
    assert f"host={data_dir / localdb.SYSTEM_FOLDER}" in url
    assert json.loads((data_dir / localdb.MARKER).read_text()) == {"server": "system", "folder": "pg-system"}
    rows(url, "CREATE TABLE kept AS SELECT 1 AS one")

    # The bundled binaries work again: the project stays on the database it has been using.
    assert rows(localdb.local_database_url(data_dir), "SELECT one FROM kept") == [(1,)]
    assert not (data_dir / localdb.BUNDLED_FOLDER).exists()


@pytest.mark.skipif(not SYSTEM_PG_CTL, reason="Debian's PostgreSQL is not installed")
def test_old_debian_database_is_copied_into_the_bundled_server_and_kept(data_dir):
    "A .data/pg-system from the old fallback, alone, is copied like pgserver's and kept"
    data_dir.mkdir()
    old = localdb._system_cluster(data_dir / localdb.SYSTEM_FOLDER)
    old.init()
    socket_dir = old.start()
    rows(f"postgres://postgres@/postgres?host={socket_dir}", "CREATE DATABASE chsd")
    rows(f"postgres://postgres@/chsd?host={socket_dir}", "CREATE TABLE work AS SELECT 'ทะเบียนเดิม' AS title")
    old.stop()

    url = localdb.local_database_url(data_dir)

    assert rows(url, "SELECT title FROM work") == [("ทะเบียนเดิม",)]
    assert json.loads((data_dir / localdb.MARKER).read_text()) == {"server": "bundled", "folder": "postgres"}
    kept = [path.name for path in data_dir.iterdir() if path.name.startswith("pg-system-pg")]
    assert len(kept) == 1 and not (data_dir / localdb.SYSTEM_FOLDER).exists()


# --- The development and test server -------------------------------------------------------


@pytest.mark.django_db
def test_search_index_uses_pg_trgm_on_the_bundled_server():
    "PostgreSQL 18 ships contrib, so migration 0004 installs pg_trgm and builds the trigram index"
    if os.environ.get("DATABASE_URL"):
        pytest.skip("the tests run on another server (DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchall() == [("pg_trgm",)]
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = 'project_search_trgm'")
        assert cursor.fetchall() == [("project_search_trgm",)]


def test_cluster_starts_in_its_own_session_so_group_signals_miss_it(data_dir):
    "The server is no member of the caller's process group or session"
    localdb.local_database_url(data_dir)
    pid = int((data_dir / localdb.BUNDLED_FOLDER / "postmaster.pid").read_text().split()[0])
    assert os.getsid(pid) != os.getsid(0) and os.getpgid(pid) != os.getpgid(0)


@pytest.mark.django_db
def test_database_copied_from_postgresql_16_gets_the_search_index_its_first_migration_skipped():
    "Migration 0006 builds the trigram index on a database whose 0004 ran without pg_trgm"
    migration = importlib.import_module("programmes.migrations.0007_project_search_trgm_after_upgrade")
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX project_search_trgm")  # as 0004 left it on PostgreSQL 16
    with connection.schema_editor() as editor:
        migration.create_missing_search_index(django_apps, editor)
        migration.create_missing_search_index(django_apps, editor)  # a second run changes nothing
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'project_search_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]
