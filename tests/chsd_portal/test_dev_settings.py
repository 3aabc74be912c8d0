"""`make run` shows what users see: DEBUG is off unless asked for, and static files are still served."""

import importlib
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db


def _dev_settings(**env):
    """The dev settings as `make run` reads them, in a child process with exactly `env` added."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    code = (
        "import chsd_portal.settings.dev as s;"
        "print(s.DEBUG, 'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE, s.WHITENOISE_USE_FINDERS)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**clean, "DATABASE_URL": "postgres://unused@localhost/unused", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def test_make_run_has_debug_off_unless_debug_is_set():
    assert _dev_settings() == ["False", "True", "True"]
    assert _dev_settings(DEBUG="1")[0] == "True"


def test_under_dev_settings_an_unknown_address_gets_the_thai_404_and_static_files_are_served(client):
    dev = importlib.import_module("chsd_portal.settings.dev")
    with override_settings(
        DEBUG=False, MIDDLEWARE=dev.MIDDLEWARE, WHITENOISE_USE_FINDERS=True, STATIC_ROOT=None
    ):
        missing = client.get("/no-such-page/")
        assert missing.status_code == 404
        html = missing.content.decode()
        assert "ไม่พบหน้าที่ต้องการ" in html and "Technical" not in html and "URLconf" not in html
        css = client.get("/static/css/portal.css")
        assert css.status_code == 200
        assert b"".join(css.streaming_content if css.streaming else [css.content])
