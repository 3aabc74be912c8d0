"""Stop and start `make run` the ways people stop it; the account made before must sign in each time.

Usage (from a clone, as `make run` would be used): python3 scripts/stop_start_loop.py [CYCLES] [PORT]
Each cycle sends SIGTERM, SIGINT or SIGHUP (Ctrl-C, a closed terminal, a service manager) to the
whole process group of `make run`; the last one also stops the database server, as a reboot
would. Prints one line per cycle and exits non-zero if the account was missing even once or a
traceback was printed. Uses the clone's own .data, like `make run`.
"""

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

CYCLES = int(sys.argv[1]) if len(sys.argv) > 1 else 10
PORT = sys.argv[2] if len(sys.argv) > 2 else "8123"
BASE = f"http://127.0.0.1:{PORT}"
USERNAME, PASSWORD = "stop-start-loop", "loop-pass-9876"
LOGS = Path(tempfile.mkdtemp(prefix="chsd-stop-start-"))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signs_in() -> bool:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
    )
    page = opener.open(f"{BASE}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"username": USERNAME, "password": PASSWORD, "csrfmiddlewaretoken": token}
    try:
        opener.open(f"{BASE}/accounts/login/", data=urllib.parse.urlencode(form).encode(), timeout=30)
    except urllib.error.HTTPError as answer:
        return answer.code == 302
    return False


def start(cycle: int):
    log = LOGS / f"make-run-{cycle}.log"
    began = time.monotonic()
    process = subprocess.Popen(
        ["make", "run", f"PORT={PORT}"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    while True:
        if process.poll() is not None:
            sys.exit(f"make run exited:\n{log.read_text()}")
        try:
            urllib.request.urlopen(f"{BASE}/", timeout=10)
            return process, time.monotonic() - began, log
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)


def main() -> None:
    process, took, log = start(0)
    print(f"first page after {took:.1f} s", flush=True)
    subprocess.run(
        [".venv/bin/python", "manage.py", "shell", "-c",
         "from django.contrib.auth import get_user_model as users; "
         f"users().objects.filter(username='{USERNAME}').delete(); "
         f"users().objects.create_user('{USERNAME}', 'loop@example.org', '{PASSWORD}')"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert signs_in(), "the new account cannot sign in"
    kept = 0
    for cycle in range(1, CYCLES + 1):
        how = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)[cycle % 3]
        os.killpg(process.pid, how)
        process.wait(timeout=30)
        server_too = cycle == CYCLES
        if server_too:
            subprocess.run([".venv/bin/python", "-m", "chsd_portal.localdb", "stop"], check=True)
        previous = log
        process, took, log = start(cycle)
        there = signs_in()
        traceback = "Traceback" in previous.read_text() + log.read_text()
        kept += there and not traceback
        print(
            f"cycle {cycle}: {how.name}{' + database server stopped' if server_too else ''}; "
            f"first page after {took:.1f} s; account there: {there}; traceback: {traceback}",
            flush=True,
        )
    os.killpg(process.pid, signal.SIGINT)
    process.wait(timeout=30)
    print(f"{kept}/{CYCLES} cycles kept the account (logs in {LOGS})")
    sys.exit(0 if kept == CYCLES else 1)


if __name__ == "__main__":
    main()
