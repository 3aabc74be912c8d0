"""Local development: `make run`.

DEBUG is off unless DEBUG=1, so `make run` shows what users see (the Thai 404 and 500 pages);
whitenoise serves the static files either way, as in production but without collectstatic.
"""

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "0.0.0.0"])

# Static files straight from the finders (static/ and the apps), re-read on every change.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None  # nothing is collected under `make run`
# Uploaded files are served by the portal itself under `make run` (chsd_portal/urls.py).
SERVE_MEDIA = True
