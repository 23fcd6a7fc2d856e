"""Shared fixtures. Tests marked postgres, redis or browser need the real service; without it
they skip and say why, unless CAMINO_REQUIRE_SERVICES=1, where a missing service fails them."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from apps.core.i18n import build_catalogue
from apps.core.search import search_memory_clear

REQUIRE_SERVICES = os.environ.get("CAMINO_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CAMINO_CHROMIUM", "/usr/bin/chromium")


def missing_service(marker: str) -> str | None:
    """Why a test with this marker cannot run here, or None when it can."""
    if marker == "postgres" and "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        return "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if marker == "redis" and not settings.REDIS_URL:
        return "needs Redis: set REDIS_URL=redis://..."
    if marker == "browser" and not Path(CHROMIUM).exists():
        return f"needs Chromium at {CHROMIUM}: apt-get install chromium"
    return None


def pytest_report_header(config):
    return [
        f"camino: database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
        f"redis {'yes' if settings.REDIS_URL else 'no'}, "
        f"chromium {'yes' if Path(CHROMIUM).exists() else 'no'}, "
        f"CAMINO_REQUIRE_SERVICES={'1' if REQUIRE_SERVICES else '0'}"
    ]


def pytest_sessionstart(session):
    build_catalogue()


def pytest_runtest_setup(item):
    for marker in ("postgres", "redis", "browser"):
        if item.get_closest_marker(marker) and (reason := missing_service(marker)):
            if REQUIRE_SERVICES:
                pytest.fail(f"CAMINO_REQUIRE_SERVICES=1 but this test {reason}", pytrace=False)
            pytest.skip(reason)


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language, as a request without a language
    would: a request or test that switched language leaves it active for the next one."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _search_memory():
    """Searches keep their statements for a minute and the terms' statistics for an hour
    (apps.core.search); each test starts with none, to search its own data."""
    search_memory_clear()


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real worker against real Redis and the test database; tasks are sent, not eager.
    Its emails are files in `worker.email_dir`."""
    from portal.celery import app
    from tests.worker import Worker, purge_queues

    purge_queues()
    app.conf.task_always_eager = False
    worker = Worker(email_dir=tmp_path).start()
    try:
        yield worker
    finally:
        worker.stop()
        app.conf.task_always_eager = True
        purge_queues()


@pytest.fixture
def broker_down():
    """Tasks are sent to a broker address where nothing listens, as when Redis is down."""
    from tests.worker import broker

    with broker("redis://127.0.0.1:9/0"):
        yield


# The two data sizes every page's query count is measured at (see assert_query_count).
QUERY_COUNT_SIZES = (2, 30)


@pytest.fixture
def assert_query_count(client):
    """assert_query_count(url, expected, grow): GET `url` (as whoever `client` is signed in
    as) runs exactly `expected` SQL queries both when grow() has added 2 rows of everything
    the page shows and when it has added 30. grow(n) adds n more of each."""

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"GET {url} answered {response.status_code}"
        return len(captured)

    def check(url: str, expected: int, grow) -> None:
        counts, rows = {}, 0
        for size in QUERY_COUNT_SIZES:
            grow(size - rows)
            rows = size
            if not counts:
                count(url)  # warm the per-process caches (content types, translations)
            counts[size] = count(url)
        assert counts == dict.fromkeys(QUERY_COUNT_SIZES, expected), (
            f"GET {url}: SQL queries per number of rows"
        )

    return check
