"""Settings for the test suite. PostgreSQL and Redis are used when DATABASE_URL and REDIS_URL
are set; otherwise SQLite and local memory, and the tests that need the real services skip."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, REDIS_URL, env, env_bool, redis_cache

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True

# Most tests write rows with factories, outside the services that change the pages' keys:
# the page cache's own tests (tests/core/test_page_cache.py) turn it on.
PAGE_CACHE_TIMEOUT = 0

# A test-only app with translated models, to exercise the shared translation helpers.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]

# Tests run tasks in-process; the real worker that some tests start (tests/worker.py) sets
# CAMINO_EAGER_TASKS=0 so that it, and the retries it sends, go through the broker.
CELERY_TASK_ALWAYS_EAGER = env_bool("CAMINO_EAGER_TASKS", True)

# `make test` runs the tests in several processes (pytest-xdist names them gw0, gw1, ...). Each
# has its own test database (pytest-django adds the suffix) and its own Redis databases, since
# tests purge the broker's queues and clear the cache.
TEST_PROCESS = int(env("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))

if REDIS_URL:
    redis_url = urlsplit(REDIS_URL)
    REDIS_URL = CELERY_BROKER_URL = redis_url._replace(
        path=f"/{int(redis_url.path.strip('/') or 0) + TEST_PROCESS}"
    ).geturl()
    # The cache counts down from database 15 (or CAMINO_TEST_CACHE_DB, for two test runs side
    # by side): tests clear it, which must never touch a broker's database or a cache someone
    # configured with REDIS_CACHE_URL.
    CACHE_DB = int(env("CAMINO_TEST_CACHE_DB", "15")) - TEST_PROCESS
    CACHES = {"default": redis_cache(redis_url._replace(path=f"/{CACHE_DB}").geturl())}

# The real worker that some tests start writes its emails to files the test can read (and
# stops after as many as CAMINO_EMAIL_PAUSE_AFTER says, for a test to kill it then).
if env("CAMINO_EMAIL_DIR"):
    EMAIL_BACKEND = "tests.testapp.mail.PausingFileBackend"
    EMAIL_FILE_PATH = env("CAMINO_EMAIL_DIR")
