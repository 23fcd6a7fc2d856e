"""`make test` runs the tests in several processes (pytest-xdist): each has Redis databases of
its own for the broker and the cache (tests purge the one and clear the other), and the worker
a test starts uses its test process's, not others'."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ_SETTINGS = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps([settings.CELERY_BROKER_URL, settings.CACHES['default']['LOCATION']]))"
)


def redis_databases(env: dict[str, str]) -> tuple[str, str]:
    """The broker's and the cache's URLs that the test settings give in this environment."""
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60, check=True,
    )  # fmt: skip
    broker, cache = json.loads(result.stdout)
    return broker, cache


def process_env(process: str, **more: str) -> dict[str, str]:
    """The environment of the test process pytest-xdist names `process` (gw0, gw1, ...)."""
    return {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "REDIS_URL": "redis://127.0.0.1:6379/2",
        "PYTEST_XDIST_WORKER": process,
        **more,
    }


def test_each_test_process_has_a_broker_and_a_cache_of_its_own():
    found = [redis_databases(process_env(f"gw{n}")) for n in range(4)]
    assert found == [
        ("redis://127.0.0.1:6379/2", "redis://127.0.0.1:6379/15"),
        ("redis://127.0.0.1:6379/3", "redis://127.0.0.1:6379/14"),
        ("redis://127.0.0.1:6379/4", "redis://127.0.0.1:6379/13"),
        ("redis://127.0.0.1:6379/5", "redis://127.0.0.1:6379/12"),
    ]
    # Two test runs side by side: the second names where its caches start.
    assert redis_databases(process_env("gw1", CAMINO_TEST_CACHE_DB="10"))[1].endswith("/9")


def test_the_worker_a_test_starts_uses_its_test_processs_broker_and_cache(monkeypatch, settings):
    """As the fourth test process would start it: the worker adds no process number of its
    own to the databases it is given."""
    from tests.worker import Worker

    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw3")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/2")
    settings.REDIS_URL, settings.CACHE_DB = "redis://127.0.0.1:6379/5", 12
    worker = Worker()
    try:
        found = redis_databases(worker.environment())
    finally:
        worker.stop()
    assert found == ("redis://127.0.0.1:6379/5", "redis://127.0.0.1:6379/12")
