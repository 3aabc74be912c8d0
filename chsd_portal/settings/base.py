"""Settings shared by every environment; values come from the environment (django-environ)."""

import sys
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

DJANGO_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",  # OpClass in index expressions (the board's trigram search indexes)
    "django.contrib.admin",
    "django.forms",  # Django's widget templates, for FORM_RENDERER below
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    "simple_history",
]
LOCAL_APPS = [
    "chsd_portal",
    "chsd_portal.search",
    "sites",
    "programmes",
    "meetings",
    "gallery",
    "qa_board",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chsd_portal.middleware.ThaiFirstLocaleMiddleware",
    # Before anything reads the session, the user or the view: no NUL reaches PostgreSQL.
    "chsd_portal.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so lockouts see the authenticated user and the request as the views do.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chsd_portal.urls"
WSGI_APPLICATION = "chsd_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "chsd_portal.context_processors.portal",
            ],
        },
    },
]


def database_settings() -> dict:
    """DATABASE_URL when given; otherwise the project's own PostgreSQL under .data/."""
    if env("DATABASE_URL", default=""):
        db = env.db("DATABASE_URL")
    else:
        from chsd_portal.localdb import LocalDatabaseError, local_database_url

        try:
            url = local_database_url(env.path("LOCAL_DATABASE_DIR", default=str(BASE_DIR / ".data")))
        except LocalDatabaseError as error:  # already says why and what to do: no traceback
            sys.exit(f"\n{error}\n")
        db = environ.Env.db_url_config(url)
    db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    db["CONN_HEALTH_CHECKS"] = True
    return db


DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "chsd_portal.backends.RoleAwareModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / ".data" / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / ".data" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="CHSD Portal <noreply@chsd.local>")

# "default": the per-process page cache; correctness never depends on it (see
# chsd_portal/cache.py). "sessions": Django's cached_db session engine reads sessions from it
# instead of querying the database on every signed-in request. It must be one cache for all
# of gunicorn's workers (a per-process one would keep serving a session another worker ended
# at logout), so it is a folder of files every worker shares.
# "ratelimit" counts the board's posts per address and account (django-ratelimit): it must be
# shared by every process and server, so it defaults to a table in the database (created by
# qa_board's migrations); set RATELIMIT_CACHE_URL to redis:// or pymemcache:// where you have one.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
    "sessions": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env.path("SESSION_CACHE_DIR", default=BASE_DIR / ".data" / "session-cache"),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "ratelimit": env.cache("RATELIMIT_CACHE_URL", default="dbcache://qa_board_ratelimit"),
}
# Django's own database cache loses increments made at the same instant by several processes
# (django-ratelimit's docs), so a database URL counts in qa_board's row-locking subclass.
if CACHES["ratelimit"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    CACHES["ratelimit"]["BACKEND"] = "qa_board.ratelimit_cache.RateLimitDatabaseCache"
RATELIMIT_USE_CACHE = "ratelimit"
# The client's address: REMOTE_ADDR, which a reverse proxy in front must set to the real client.
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default="REMOTE_ADDR")

# The Q&A board's spam rules (qa_board/services/spam.py): a post over a limit is held for review.
QA_BOARD_RATE_PER_ADDRESS = env("QA_BOARD_RATE_PER_ADDRESS", default="5/10m")
QA_BOARD_RATE_PER_ACCOUNT = env("QA_BOARD_RATE_PER_ACCOUNT", default="5/10m")
# Far over it, the post is refused and the form comes back filled in.
QA_BOARD_FLOOD_RATE = env("QA_BOARD_FLOOD_RATE", default="20/h")
QA_BOARD_MIN_SECONDS = env.float("QA_BOARD_MIN_SECONDS", default=4.0)
QA_BOARD_MAX_LINKS = env.int("QA_BOARD_MAX_LINKS", default=2)

# Widgets render through TEMPLATES, so the portal's templates/django/forms/ can refine them (a
# number box that comes back with text that is not a number becomes a text box, keeping it).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Five failed sign-ins for one account lock that account for 15 minutes; an address is locked
# as a whole only while it fails for LOCKOUT_ACCOUNTS_PER_ADDRESS different accounts
# (chsd_portal/lockout.py), so one visitor cannot lock out everyone behind a shared address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = "chsd_portal.lockout.lockout_parameters"
LOCKOUT_ACCOUNTS_PER_ADDRESS = env.int("LOCKOUT_ACCOUNTS_PER_ADDRESS", default=10)
# How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the
# header is ignored). The client's address is read past exactly that many.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "chsd_portal.lockout.client_ip_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"

# Nothing is loaded from another host: every script, style, font and image is ours.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

SIMPLE_HISTORY_REVERT_DISABLED = True

# Maps (sites/): Thailand's outline is drawn from vendored data, so the map works with no network.
# A tile server is used only when named, e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
# its host is then allowed to serve images.
SITES_MAP_TILE_URL = env("SITES_MAP_TILE_URL", default="")
SITES_MAP_TILE_ATTRIBUTION = env("SITES_MAP_TILE_ATTRIBUTION", default="")
if SITES_MAP_TILE_URL:
    from urllib.parse import urlsplit

    _tiles = urlsplit(SITES_MAP_TILE_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"
    )

# Coverage (staff): a site is overdue with no workshop for this many days, or when its latest
# capacity report is older than this many months.
COVERAGE_WORKSHOP_DAYS = env.int("COVERAGE_WORKSHOP_DAYS", default=90)
COVERAGE_REPORT_MONTHS = env.int("COVERAGE_REPORT_MONTHS", default=6)
# A workshop's attached file (PDF, DOCX, XLSX) may be at most this big.
WORKSHOP_ATTACHMENT_MAX_BYTES = env.int("WORKSHOP_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# A picture uploaded into an article (meetings/images.py) may be at most this big.
ARTICLE_IMAGE_MAX_BYTES = env.int("ARTICLE_IMAGE_MAX_BYTES", default=15 * 1024 * 1024)

# Activity photos (gallery/). Originals keep the camera's EXIF and GPS, so they live in their
# own storage, outside MEDIA_ROOT, and leave only through a permission-checked view; point the
# "gallery_originals" entry of STORAGES at a private bucket to move them (django-storages).
GALLERY_ORIGINALS_ROOT = env.path("GALLERY_ORIGINALS_ROOT", default=str(BASE_DIR / ".data" / "private-media"))
STORAGES["gallery_originals"] = {"BACKEND": "gallery.storage.OriginalsStorage"}
# The largest photo file, and the most one upload (a batch of files) may carry in all.
GALLERY_MAX_FILE_BYTES = env.int("GALLERY_MAX_FILE_BYTES", default=25 * 1024 * 1024)
GALLERY_MAX_UPLOAD_BYTES = env.int("GALLERY_MAX_UPLOAD_BYTES", default=500 * 1024 * 1024)
# Decompression bombs: an image over this many pixels, or with a longer side, is never decoded.
GALLERY_MAX_PIXELS = env.int("GALLERY_MAX_PIXELS", default=50_000_000)
GALLERY_MAX_SIDE = env.int("GALLERY_MAX_SIDE", default=12_000)
# Each grid thumbnail is encoded to fit this (gallery/services/derivatives.py).
GALLERY_THUMB_MAX_BYTES = env.int("GALLERY_THUMB_MAX_BYTES", default=24_000)

# `make bench` serves a trivial view to compare the real pages with.
BENCHMARK = env.bool("BENCHMARK", default=False)

# Demo accounts share one password, for local use only (load_demo refuses under production).
DEMO_PASSWORD = env("DEMO_PASSWORD", default="chsd-demo")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}
