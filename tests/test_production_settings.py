"""Production settings: secrets come from the environment only, and the deploy check passes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "x" * 20 + "a-production-secret-that-is-long-enough-42",
    "ALLOWED_HOSTS": "camino.example.org",
    "DATABASE_URL": "postgres://camino:secret@db:5432/camino",
    "REDIS_URL": "redis://redis:6379/0",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unwanted = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in unwanted}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_each_secret():
    for name in ("DJANGO_SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
        env = {key: value for key, value in PRODUCTION_ENV.items() if key != name}
        result = manage("check", **env)
        assert result.returncode != 0, name
        assert f"Set the {name} environment variable." in result.stderr, name
