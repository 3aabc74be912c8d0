"""One PostgreSQL data folder and the binaries that run it, driven with `pg_ctl` alone.

All the state lives in the data folder and is written by PostgreSQL itself (`postmaster.pid`),
so any number of processes may ask, start or stop the server, and any of them may be killed at
any moment, without a shared file of ours that a half-finished write could leave broken. The
server is started in its own session, so a Ctrl-C, a closed terminal or a SIGTERM sent to the
portal's process group never reaches it.

PostgreSQL refuses to run as root. Under root, the server runs as the owner of an existing data
folder, or as a dedicated system user made for a new one, and the folders above the data folder
are opened for traversal (`o+x`, never `o+r`) so that user can reach it.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shlex
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOCKET_NAME = ".s.PGSQL.5432"
MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux and 104 on macOS, the NUL included
START_TIMEOUT = 120  # seconds pg_ctl waits for the server to accept connections (crash recovery)


class ServerError(Exception):
    """A PostgreSQL program failed; the message carries its output."""


@dataclass(frozen=True)
class Cluster:
    pgdata: Path
    bin_dir: Path
    user: str | None = None  # the OS user that runs the server when we are root

    @property
    def log_file(self) -> Path:
        return self.pgdata / "server.log"

    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").is_file()

    def data_major(self) -> str:
        """The PostgreSQL major version that made the data folder."""
        return (self.pgdata / "PG_VERSION").read_text().strip()

    def binaries_major(self) -> str | None:
        """The major version of the binaries, or None when they cannot run on this machine."""
        try:
            result = self._run("postgres", "--version", check=False)
        except (OSError, ServerError):
            return None
        if result.returncode != 0:
            return None
        return result.stdout.split()[-1].split(".")[0]

    def init(self) -> None:
        """Make a new, empty data folder (UTF-8, the same collation on every platform)."""
        self.pgdata.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._prepare_folder(self.pgdata)
        collation = ["--locale=C"]
        if int(self.binaries_major() or 0) >= 17:  # Unicode-aware upper() and regexes, built in
            collation += ["--locale-provider=builtin", "--builtin-locale=C.UTF-8"]
        self._run("initdb", "-D", self.pgdata, "-U", "postgres", "--auth=trust", "-E", "UTF8", *collation)

    def running(self) -> bool:
        self._prepare_folder(self.pgdata)
        return self._run("pg_ctl", "-D", self.pgdata, "status", check=False).returncode == 0

    def socket_dir(self) -> Path:
        """Where the running server listens (read from postmaster.pid, written by the server)."""
        lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
        return Path(lines[4])

    def start(self, socket_dir: Path | None = None) -> Path:
        """Start the server on a Unix socket only; return the socket folder."""
        socket_dir = socket_dir or self.default_socket_dir()
        socket_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._prepare_folder(self.pgdata)
        self._prepare_folder(socket_dir)
        options = f"-c listen_addresses='' -k {shlex.quote(str(socket_dir))}"
        self._run(
            "pg_ctl",
            "-D",
            self.pgdata,
            "-w",
            "-t",
            START_TIMEOUT,
            "-l",
            self.log_file,
            "-o",
            options,
            "start",
            new_session=True,
        )
        return socket_dir

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", self.pgdata, "-w", "-m", mode, "stop")

    def default_socket_dir(self) -> Path:
        """The data folder itself, unless its path is too long for a socket address."""
        if len(str(self.pgdata / SOCKET_NAME)) <= MAX_SOCKET_PATH:
            return self.pgdata
        digest = hashlib.sha256(str(self.pgdata).encode()).hexdigest()[:12]
        return Path(tempfile.gettempdir()) / f"chsd-pg-{digest}"

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def _prepare_folder(self, folder: Path) -> None:
        """Under root: give the folder to the server's user and let that user reach it."""
        if os.geteuid() != 0 or not folder.exists():
            return
        account = pwd.getpwnam(self.user)
        if folder.stat().st_uid != account.pw_uid:
            os.chown(folder, account.pw_uid, account.pw_gid)
        open_for_traversal(folder.parent)
        open_for_traversal(self.bin_dir)

    def _run(self, program: str, *args, check: bool = True, new_session: bool = False):
        """Run one of the cluster's programs as the server's user.

        Output goes to a temporary file, not a pipe: a server started by pg_ctl could otherwise
        hold the pipe open and hang the call.
        """
        as_user = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam(self.user)
            as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        with tempfile.TemporaryFile("w+") as output:
            result = subprocess.run(
                [str(self.bin_dir / program), *map(str, args)],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                text=True,
                cwd="/",  # reachable by the server's user, whatever the caller's folder
                start_new_session=new_session,
                **as_user,
            )
            output.seek(0)
            result.stdout = output.read()
        if check and result.returncode != 0:
            raise ServerError(f"{program} failed ({result.returncode}): {result.stdout.strip()}")
        return result


def open_for_traversal(folder: Path) -> None:
    """Add o+x to the folder and every folder above it that lacks it."""
    for path in [folder, *folder.parents]:
        mode = path.stat().st_mode
        if not mode & 0o001:
            path.chmod(mode | 0o001)


def ensure_system_user(name: str) -> None:
    """Create the system user that runs the bundled server under root, once per machine."""
    try:
        pwd.getpwnam(name)
        return
    except KeyError:
        pass
    result = subprocess.run(
        ["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
    )
    try:
        pwd.getpwnam(name)  # made by us, or by another process at the same moment
    except KeyError:
        raise ServerError(f"useradd {name} failed: {result.stderr.strip()}") from None
