"""pytest: the same PostgreSQL as development, fast hashing, no real mail."""

import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
AXES_FAILURE_LIMIT = 5

# One test database per pytest process, so several runs on one machine (or one server) never
# drop each other's database.
DATABASES["default"]["TEST"] = {"NAME": f"test_chsd_{os.getpid()}"}  # noqa: F405
# The live server's thread must not keep its connection open past a test, or the test database
# cannot be dropped at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tests roll back the data-version counters with everything else, so a page cached in one test
# could match another's; cache tests switch a real cache on and clear it themselves. Sessions
# then come from the database every time (cached_db falls back to it).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "sessions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
