"""Site-wide behaviour: health check, Thai error pages, security headers, production settings."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.db import DatabaseError
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("chsd_portal.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503


def test_unknown_page_gets_the_thai_404_page(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "ไม่พบหน้าที่ต้องการ" in html
    assert "<title>" in html and '<html lang="th">' in html


@override_settings(DEBUG=False)
def test_server_error_page_is_thai_and_needs_no_database():
    from chsd_portal.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "เกิดข้อผิดพลาด" in response.content.decode()


def test_every_page_sends_the_content_security_policy_and_security_headers(client):
    response = client.get(reverse("programmes:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_nothing_from_another_host(client):
    from tests.programmes.factories import ProgrammeFactory

    ProgrammeFactory(on_home_page=True)
    html = client.get(reverse("programmes:home")).content.decode()
    for attribute in ('src="http', "src='http", 'href="http', "//cdn", "fonts.googleapis"):
        assert attribute not in html


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")


def _prod_check(extra_env):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is for tests only; a deployment never has it.
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(DJANGO_SETTINGS_MODULE="chsd_portal.settings.prod", **extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _prod_check({"ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_refuse_to_start_without_allowed_hosts():
    result = _prod_check({"SECRET_KEY": "x" * 60})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_check_deploy_reports_nothing_under_production_settings():
    result = _prod_check({"SECRET_KEY": "k3y-" + "q7" * 30, "ALLOWED_HOSTS": "portal.example.org"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_load_demo_refuses_to_run_under_production_settings():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="chsd_portal.settings.prod")
    env.update(SECRET_KEY="k3y-" + "q7" * 30, ALLOWED_HOSTS="portal.example.org")
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert "refuses to run under production settings" in result.stderr


def test_pages_are_thai_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("programmes:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "th"
    assert "หน้าหลัก" in response.content.decode()


def test_the_language_link_switches_to_english_and_back(client):
    response = client.get(reverse("switch-language", args=["en"]) + "?next=/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/")["Content-Language"] == "en"
    client.get(reverse("switch-language", args=["th"]))
    assert client.get("/")["Content-Language"] == "th"


def test_the_language_link_refuses_other_hosts_and_unknown_languages(client):
    response = client.get(reverse("switch-language", args=["en"]) + "?next=https://evil.example/")
    assert response["Location"] == "/"
    assert client.get(reverse("switch-language", args=["fr"])).status_code == 400
