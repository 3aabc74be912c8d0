"""Every key page of every role, signed in or not, editors and forms re-rendered with errors
included, has zero errors in the Nu HTML Checker (vnu.jar from the npm registry, installed by
`make test` into .data/npm; Java from Debian)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.key_pages import ROLE_USERNAMES, key_pages, load_demo

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get("VNU_JAR", Path(settings.BASE_DIR) / ".data/npm/node_modules/vnu-jar/build/dist/vnu.jar")
)


def nu_errors(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    if not VNU_JAR.exists() or java is None:
        pytest.fail(f"The Nu HTML Checker needs {VNU_JAR} and java: run `make test` (it installs both).")
    result = subprocess.run(
        [java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_every_key_page_of_every_role_has_zero_nu_html_checker_errors(tmp_path):
    load_demo()
    files, fetched = [], []
    for role, pages in key_pages().items():
        client = Client()
        if ROLE_USERNAMES[role]:
            client.force_login(get_user_model().objects.get(username=ROLE_USERNAMES[role]))
        for name, url, *data in pages:
            response = client.post(url, data[0]) if data else client.get(url)
            expected = 404 if name == "not found" else 200
            assert response.status_code == expected, (role, name, response.status_code)
            html = response.content.decode()
            if "with errors" in name:
                assert 'id="error-summary"' in html, (role, name)
            path = tmp_path / f"{role}-{name.replace(' ', '-')}.html"
            path.write_text(html, encoding="utf-8")
            files.append(path)
            fetched.append((role, name))
    assert len(fetched) >= 30
    errors = nu_errors(files)
    report = [
        f"{Path(e['url']).name}:{e.get('lastLine')}: {e['message']} [{e.get('extract', '').strip()[:120]}]"
        for e in errors
    ]
    assert report == [], f"{len(report)} Nu HTML Checker errors:\n" + "\n".join(report[:80])
