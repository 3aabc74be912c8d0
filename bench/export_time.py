"""Time the full exports (project list and budget review, XLSX and CSV, as an admin) on the
bench database.

Run `make bench` once first (it builds `chsd_bench`: 10,000 projects with their periods), then
`.venv/bin/python bench/export_time.py` (EXPORT_DATABASE_URL points it at another server's). Each format is downloaded through Django's test client
under production settings, queries and file writing included; the best of 3 runs is printed.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update(
    DJANGO_SETTINGS_MODULE="chsd_portal.settings.prod",
    SECRET_KEY="bench-only-" + "k" * 60,
    ALLOWED_HOSTS="127.0.0.1",
    SECURE_SSL_REDIRECT="False",
    LOCAL_DATABASE_NAME="chsd_bench",
    LOG_LEVEL="WARNING",
)
os.environ.pop("DATABASE_URL", None)
if os.environ.get("EXPORT_DATABASE_URL"):  # another server's bench database
    os.environ["DATABASE_URL"] = os.environ["EXPORT_DATABASE_URL"]

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

RUNS = int(os.environ.get("EXPORT_RUNS", "3"))


def main() -> None:
    admin = get_user_model().objects.get(username="bench-admin")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    exports = [
        (f"project list {fmt}", reverse("programmes:project-export", kwargs={"fmt": fmt}))
        for fmt in ("xlsx", "csv")
    ] + [
        (f"budget review {fmt}", reverse("programmes:warning-review-export", args=[fmt]) + "?status=all")
        for fmt in ("xlsx", "csv")
    ]
    for name, url in exports:
        times, size = [], 0
        for _ in range(RUNS):
            start = time.perf_counter()
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            times.append(time.perf_counter() - start)
            size = len(body)
            assert response.status_code == 200, response.status_code
        print(
            f"{name}: best {min(times):.2f} s of {RUNS} (all: {', '.join(f'{t:.2f}' for t in times)}), {size:,} bytes"
        )


if __name__ == "__main__":
    main()
