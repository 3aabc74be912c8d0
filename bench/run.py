"""`make bench`: throughput of the project list, a project page and the budget review page,
each as a ratio to a minimal view served in the same run.

It builds a separate database (`chsd_bench`, on the same server as the portal's own), fills it
with bench/generate.py, serves the portal with gunicorn exactly as `make serve` does (2 workers,
production settings), and drives each page with wrk from a second process. Only loopback
addresses are used, and every load run is bounded in time.

Targets: list and project page >= 0.5 of the minimal view; review page >= 0.25. The Q&A
board's list and a thread page (visitor; 20,000 questions, 50,000 answers) are measured and
reported; they have no target yet. So are the news list and an article page (5,000 articles of
seed 002's length): wrk keeps no cookie, so every request to the article is a new browser whose
read is counted, the page's worst case (one INSERT … ON CONFLICT statement per request). So
are the site overview and a site page (100 sites, 2,000 workshops; visitor), and the gallery's:
an album page of 30 photos (visitor), and the time to ingest those 30 photos of 2000×1500 as a
ratio to Pillow merely decoding them (bench/gallery_ingest.py; its media go to
.data/bench-media). Search (chsd_portal/search, visitor, over the index of all of it) >= 0.3
for a word found in a few hundred documents and for a project code; the time
`rebuild_search_index` takes for the 10,000 projects is reported.
"""

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST, PORT = "127.0.0.1", int(os.environ.get("BENCH_PORT", "8765"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
TARGETS = {
    "project list": 0.5,
    "project page": 0.5,
    "budget review": 0.25,
    "search word": 0.3,
    "search code": 0.3,
}
REPORTED = (
    "board list",
    "board thread",
    "news list",
    "news article",
    "site overview",
    "site page",
    "album page",
)
SEARCH_WORD = "ธรรมนูญสุขภาพ"

ENV = dict(
    os.environ,
    DJANGO_SETTINGS_MODULE="chsd_portal.settings.prod",
    SECRET_KEY="bench-only-" + "k" * 60,
    ALLOWED_HOSTS=HOST,
    SECURE_SSL_REDIRECT="False",
    SESSION_COOKIE_SECURE="False",
    CSRF_COOKIE_SECURE="False",
    SECURE_HSTS_SECONDS="0",
    LOCAL_DATABASE_NAME="chsd_bench",
    BENCHMARK="True",
    LOG_LEVEL="WARNING",
    MEDIA_ROOT=str(ROOT / ".data" / "bench-media" / "media"),
    GALLERY_ORIGINALS_ROOT=str(ROOT / ".data" / "bench-media" / "originals"),
)
ENV.pop("DATABASE_URL", None) if not os.environ.get("BENCH_DATABASE_URL") else ENV.update(
    DATABASE_URL=os.environ["BENCH_DATABASE_URL"]
)


def manage(*args, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=ENV, check=True, text=True, capture_output=capture
    )


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            check=True,
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
        )
        return shutil.which("wrk")
    raise SystemExit("make bench needs wrk: sudo apt-get install wrk")


SETUP = """
import json
from django.contrib.auth import get_user_model, login
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.conf import settings
from programmes.models import Project
User = get_user_model()
admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_staff": True})
admin.groups.add(Group.objects.get(name="admin"))
session = SessionStore()
session["_auth_user_id"] = str(admin.pk)
session["_auth_user_backend"] = "chsd_portal.backends.RoleAwareModelBackend"
session["_auth_user_hash"] = admin.get_session_auth_hash()
session.create()
published = Project.objects.published().order_by("code")
project = published[min(5000, published.count() - 1)]
from sites.models import Site
site = Site.objects.select_related("subdistrict").order_by("subdistrict__code").first()
from qa_board.models import Question
question = Question.objects.published().filter(answer_count__gte=3).order_by("pk").first()
from meetings.models import Article
article = Article.objects.published().order_by("pk")[100]
print(json.dumps({"session": session.session_key, "code": project.code, "site": site.subdistrict.code, "question": question.pk, "article": article.pk}))
"""


# The results page's two searching queries without the page cache (a query nobody asked
# before): milliseconds each, median of 5 runs.
UNCACHED_SEARCH = """
import json, statistics, time
from django.contrib.auth.models import AnonymousUser
from chsd_portal.search.selectors import search as s
out = {}
for q in %r:
    query = s.Query.parse(q)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        total = sum(s.counts_by_kind(AnonymousUser(), query).values())
        list(s.ranked(AnonymousUser(), query)[:20])
        times.append((time.perf_counter() - started) * 1000)
    out[q] = [total, statistics.median(times)]
print(json.dumps(out))
"""


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer {url}")


def throughput(wrk: str, url: str, cookie: str | None) -> float:
    # A browser's User-Agent: the article page counts browsers' reads, never robots'.
    headers = ["-H", "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 bench"]
    headers += ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    # Warm up the workers (imports, caches, connections) before measuring.
    subprocess.run([wrk, *headers, "-t1", "-c2", "-d2s", url], capture_output=True, timeout=30)
    command = [wrk, *headers, "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", url]
    output = subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def main() -> None:
    wrk = ensure_wrk()
    print("bench: preparing the chsd_bench database …", flush=True)
    manage("migrate", "--noinput", "-v", "0")
    manage("load_geography")
    subprocess.run([PYTHON, "bench/generate.py"], cwd=ROOT, env=ENV, check=True)
    subprocess.run([PYTHON, "bench/generate_board.py"], cwd=ROOT, env=ENV, check=True)
    subprocess.run([PYTHON, "bench/generate_articles.py"], cwd=ROOT, env=ENV, check=True)
    # The generators write in bulk (no signals): build the search index as a deployment would.
    indexing = manage("rebuild_search_index", capture=True).stdout
    print("bench: search index: " + " ".join(indexing.split()), flush=True)
    project_seconds = float(re.search(r"programmes\.project: (\d+) \(([\d.]+) s\)", indexing).group(2))
    print("bench: ingesting 30 photos of 2000×1500 …", flush=True)
    gallery = json.loads(
        subprocess.run(
            [PYTHON, "bench/gallery_ingest.py"], cwd=ROOT, env=ENV, check=True, text=True, capture_output=True
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    manage("collectstatic", "--noinput", "-v", "0")
    setup = json.loads(manage("shell", "-c", SETUP, capture=True).stdout.strip().splitlines()[-1])
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "chsd_portal.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"{HOST}:{PORT}",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://{HOST}:{PORT}"
    pages = [
        ("minimal view", f"{base}/bench/minimal", None),
        ("project list", f"{base}/projects/", None),
        ("project page", base + "/projects/" + urllib.request.quote(setup["code"]) + "/", None),
        ("budget review", f"{base}/review/budget/", setup["session"]),
        ("board list", f"{base}/qa/", None),
        ("board thread", f"{base}/qa/{setup['question']}/", None),
        ("site overview", f"{base}/sites/", None),
        ("site page", f"{base}/sites/{setup['site']}/", None),
        ("news list", f"{base}/news/", None),
        ("news article", f"{base}/news/{setup['article']}/", None),
        # A word in a quarter of the project names (the generated names draw on 19 words); a
        # project code, found once.
        ("search word", f"{base}/search/?q=" + urllib.request.quote(SEARCH_WORD), None),
        ("search code", f"{base}/search/?q=" + urllib.request.quote(setup["code"]), None),
        ("album page", f"{base}/albums/{gallery['album']}/", None),
    ]
    # Rounds alternate the minimal view with each page and the medians are compared, so a
    # passing disturbance on this shared machine moves one sample, not the result.
    samples: dict[str, list[float]] = {name: [] for name, _url, _cookie in pages}
    try:
        wait_until_up(f"{base}/bench/minimal")
        for round_number in range(1, ROUNDS + 1):
            for name, url, cookie in pages:
                samples[name].append(throughput(wrk, url, cookie))
            print(
                f"bench: round {round_number}: "
                + ", ".join(f"{name} {values[-1]:.0f}" for name, values in samples.items())
                + " req/s",
                flush=True,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    results = {name: statistics.median(values) for name, values in samples.items()}
    minimal = results["minimal view"]
    print(f"\nmedians of {ROUNDS} rounds of {DURATION} each, {CONNECTIONS} connections, 2 gunicorn workers")
    print("page            req/s    ratio  target")
    failed = False
    for name, target in TARGETS.items():
        ratio = results[name] / minimal
        ok = ratio >= target
        failed |= not ok
        print(
            f"{name:<14} {results[name]:7.1f}  {ratio:6.2f}  >= {target:.2f}  {'ok' if ok else 'BELOW TARGET'}"
        )
    for name in REPORTED:
        print(f"{name:<14} {results[name]:7.1f}  {results[name] / minimal:6.2f}  (reported, no target)")
    print(f"search index of the 10,000 projects built in {project_seconds:.1f} s (rebuild_search_index)")
    queries = [SEARCH_WORD, setup["code"], "ไข้เลือดออก", "ท่าโสม"]
    uncached = json.loads(
        manage("shell", "-c", UNCACHED_SEARCH % (queries,), capture=True).stdout.strip().splitlines()[-1]
    )
    for query, (total, milliseconds) in uncached.items():
        print(f"search without the page cache: {query!r} ({total:,} found) {milliseconds:.0f} ms")
    print(
        f"gallery ingest of 30 photos of 2000×1500: {gallery['ingest_s']:.2f} s, Pillow decoding them "
        f"{gallery['decode_s']:.2f} s: ratio {gallery['ratio']:.1f} (reported, no target)"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps(
            {
                "median_req_per_s": results,
                "samples": samples,
                "targets": TARGETS,
                "search_index_projects_seconds": project_seconds,
                "search_uncached_ms": uncached,
                "gallery_ingest": gallery,
            },
            indent=1,
        )
    )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
