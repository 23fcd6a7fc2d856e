"""Logs hold no search words, ZIP codes or tokens: gunicorn's access and error logs, Django's
own logs and runserver's, each tried for real."""

import http.client
import io
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests import worker
from tests.core.test_resilience import free_port

ROOT = Path(__file__).resolve().parents[2]

SEARCH = "/es/jobs/?q=secretword&zip=60601"
UNSUBSCRIBE = "/es/notifications/unsubscribe/42:job_alerts:S3cretSignature/"
RESET = "/es/accounts/password/reset/key/1a-S3cretResetKey/"
CONFIRM = "/es/accounts/confirm-email/S3cretConfirmKey/"
SECRETS = ["secretword", "60601", "S3cret"]


def get(port: int, path: str, **headers: str) -> int:
    """The status of GET path (0 while nothing listens)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse().status
    except OSError:
        return 0
    finally:
        connection.close()


@contextmanager
def server(command: list[str], env: dict[str, str], log_dir: Path):
    """A server subprocess on a free port; yields the port. Its stdout and stderr are in
    log_dir once it has stopped."""
    port = free_port()
    command = [arg.replace("{port}", str(port)) for arg in command]
    with (log_dir / "stdout").open("w") as out, (log_dir / "stderr").open("w") as err:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=err
        )
        try:
            worker.wait_for(
                lambda: get(port, "/favicon.ico") or process.poll() is not None,
                what="the server to start",
            )
            assert process.poll() is None, (log_dir / "stderr").read_text()
            yield port
        finally:
            process.terminate()
            process.wait(timeout=20)


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} in:\n{text}"


@pytest.mark.postgres
def test_gunicorn_logs_paths_without_query_strings_or_tokens(transactional_db, tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": worker.test_database_url(),
    }
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--config", "gunicorn.conf.py",
               "--bind", "127.0.0.1:{port}", "--workers", "1", "--access-logfile", "-",
               "--no-control-socket"]  # fmt: skip
    with server(command, env, tmp_path) as port:
        base = f"http://127.0.0.1:{port}"
        assert get(port, SEARCH) == 200
        assert get(port, UNSUBSCRIBE, Referer=base + SEARCH) == 404
        assert get(port, RESET) in (200, 302)
        assert get(port, CONFIRM) in (200, 404)

    access_log = (tmp_path / "stdout").read_text()
    assert '"GET /es/jobs/ HTTP/1.1" 200' in access_log
    assert f'"{base}/es/jobs/"' in access_log  # the referer, without its query
    assert '"GET /es/notifications/unsubscribe/<token>/ HTTP/1.1" 404' in access_log
    assert "GET /es/accounts/password/reset/key/<token>/" in access_log
    assert "GET /es/accounts/confirm-email/<token>/" in access_log
    assert_no_secrets(access_log)
    error_log = (tmp_path / "stderr").read_text()
    assert "Not Found: /es/notifications/unsubscribe/<token>/" in error_log  # Django's own
    assert_no_secrets(error_log)


def test_runserver_logs_paths_without_query_strings_or_tokens(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",
    }
    command = [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:{port}"]
    with server(command, env, tmp_path) as port:
        assert get(port, UNSUBSCRIBE + "?q=secretword&zip=60601") == 404
        # runserver writes the request's line once the response has gone out.
        worker.wait_for(
            lambda: '" 404 ' in (tmp_path / "stderr").read_text(), what="the request's log line"
        )

    log = (tmp_path / "stderr").read_text()
    assert '"GET /es/notifications/unsubscribe/<token>/ HTTP/1.1" 404' in log
    assert log.count("Not Found: /es/notifications/unsubscribe/<token>/") == 1
    assert_no_secrets(log)


@pytest.fixture
def camino_log():
    """What Camino's configured log handlers write, in a string."""
    handlers = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert handlers, "no console handler configured"
    written = io.StringIO()
    streams = [handler.setStream(written) for handler in handlers]
    yield written
    for handler, stream in zip(handlers, streams, strict=True):
        handler.setStream(stream)


@pytest.mark.django_db
def test_a_404_with_a_query_string_is_logged_without_it_or_the_token(client, camino_log):
    response = client.get(UNSUBSCRIBE + "?q=secretword&zip=60601")

    assert response.status_code == 404
    log = camino_log.getvalue()
    assert "Not Found: /es/notifications/unsubscribe/<token>/" in log
    assert_no_secrets(log)


def test_the_filter_drops_query_strings_and_masks_secret_segments_only():
    from apps.core.logs import scrub

    assert (
        scrub('"GET /es/jobs/?q=cocina&zip=60601 HTTP/1.1" 200') == '"GET /es/jobs/ HTTP/1.1" 200'
    )
    assert scrub("Referer http://x.org/en/jobs?q=a b") == "Referer http://x.org/en/jobs b"
    assert scrub("/en/accounts/password/reset/key/1a-set-password/") == (
        "/en/accounts/password/reset/key/<token>/"
    )
    unchanged = "Not Found: /es/jobs/12/ (is this right?) 3 deliveries not enqueued"
    assert scrub(unchanged) == unchanged
