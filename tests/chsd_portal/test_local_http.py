"""`make serve` over plain http: LOCAL_HTTP=1 is the one switch that lets a browser submit forms
there; without it production keeps every https protection."""

import json
import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import login_in_browser
from tests.factories import PASSWORD

SECURITY_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
)


def prod_settings(**extra_env) -> dict:
    """The security settings as chsd_portal.settings.prod computes them, in a fresh process."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "LOCAL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="chsd_portal.settings.prod",
        SECRET_KEY="k3y-" + "q7" * 30,
        ALLOWED_HOSTS="portal.example.org",
        **extra_env,
    )
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_settings_keep_https_secure_cookies_and_hsts_by_default():
    assert prod_settings() == {
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_HSTS_SECONDS": 31536000,
    }


def test_local_http_turns_off_the_redirect_the_secure_cookies_and_hsts_together():
    assert prod_settings(LOCAL_HTTP="1") == {
        "SECURE_SSL_REDIRECT": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
        "SECURE_HSTS_SECONDS": 0,
    }


def test_secure_ssl_redirect_false_alone_still_leaves_the_cookies_secure():
    """The old advice: it stops the redirect, and no form can be submitted."""
    values = prod_settings(SECURE_SSL_REDIRECT="False")
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True


@pytest.fixture
def plain_http_page(browser, live_server):
    """A page on the live server under a host name that is not localhost: browsers treat
    http://localhost as secure and keep Secure cookies there, but not on any other http host,
    which is what someone trying `make serve` from another machine sees."""
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    port = live_server.url.rsplit(":", 1)[1]
    remote = browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP portal.test 127.0.0.1"],
        headless=True,
    )
    context = remote.new_context(base_url=f"http://portal.test:{port}", locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    remote.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("extra_env", "accepted"), [({"LOCAL_HTTP": "1"}, True), ({}, False)])
def test_a_form_submitted_over_plain_http_is_accepted_only_with_local_http(
    plain_http_page, settings, staff_user, extra_env, accepted
):
    values = prod_settings(**extra_env)
    del values["SECURE_SSL_REDIRECT"]  # the live server has no https to redirect to
    for name, value in values.items():
        setattr(settings, name, value)
    login_in_browser(plain_http_page, "staff1", PASSWORD)
    header = plain_http_page.locator("header")
    if accepted:
        assert plain_http_page.url.endswith("/")
        assert header.get_by_role("button", name=staff_user.get_full_name()).is_visible()
    else:
        # The browser kept no Secure CSRF cookie from the http page: Django refuses the form.
        assert plain_http_page.url.endswith(reverse("login"))
        assert header.get_by_role("button", name=staff_user.get_full_name()).count() == 0
