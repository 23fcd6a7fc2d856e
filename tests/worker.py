"""A real Celery worker process for the tests about background work: same code, same Redis
broker, and the test database, so what a task writes is what the test reads."""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from portal.celery import app

ROOT = Path(__file__).resolve().parent.parent


def wait_for(condition: Callable[[], object], timeout: float = 30, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Worker:
    """`celery worker` in a subprocess (prefork pool, one child by default)."""

    def __init__(
        self,
        concurrency: int = 1,
        email_dir: Path | None = None,
        pause_after_emails: int | None = None,
        redis_url: str | None = None,
    ):
        self.concurrency = concurrency
        self.email_dir = email_dir
        self.pause_after_emails = pause_after_emails
        self.redis_url = redis_url
        self.log = Path(tempfile.mkstemp(prefix="camino-worker-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    def environment(self) -> dict[str, str]:
        """The worker's environment: the test process's own databases, named outright (the
        worker is not a test process, so it adds no process number of its own)."""
        return {
            **{name: value for name, value in os.environ.items() if name != "PYTEST_XDIST_WORKER"},
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": test_database_url(),
            "REDIS_URL": self.redis_url or settings.REDIS_URL,
            "CAMINO_TEST_CACHE_DB": str(settings.CACHE_DB),
            "CAMINO_EAGER_TASKS": "0",
            "CAMINO_EMAIL_PAUSE_AFTER": str(self.pause_after_emails or ""),
            **({"CAMINO_EMAIL_DIR": str(self.email_dir)} if self.email_dir else {}),
        }

    def start(self) -> "Worker":
        env = self.environment()
        command = [
            sys.executable, "-m", "celery", "-A", "portal", "worker",
            "--pool=prefork", f"--concurrency={self.concurrency}", "--loglevel=INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
            "-n", f"test-{uuid.uuid4().hex[:8]}@%h",
        ]  # fmt: skip
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        wait_for(lambda: " ready." in self.output() or self.process.poll() is not None,
                 what="the worker to start")  # fmt: skip
        if self.process.poll() is not None:
            raise AssertionError(f"worker exited at start:\n{self.output()}")
        return self

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and children), as a crash or OOM would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.unlink(missing_ok=True)


class RedisServer:
    """A Redis of the test's own, on its own port, that the test can stop and start again
    (the shared one serves the other tests). It keeps nothing on disk, like Camino's."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.answers, what=f"redis-server on port {self.port}")
        return self

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def broker(url: str):
    """Send this process's tasks to the broker at `url` (not run in-process) meanwhile."""
    saved = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _forget_connections()
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.task_always_eager = saved
        _forget_connections()


def _forget_connections() -> None:
    # Forget the app's pools so the next send builds one for the current broker URL (kombu
    # keeps one pool per URL; the shared broker's stays open for later tests).
    app._pool = None
    app.amqp._producer_pool = None


def purge_queues() -> None:
    app.control.purge()


def sent_emails(email_dir: Path) -> list[str]:
    """The recipients of every email the file backend wrote, one entry per email."""
    recipients = []
    for path in email_dir.glob("*.log"):
        for line in path.read_text().splitlines():
            if line.startswith("To: "):
                recipients.append(line.removeprefix("To: "))
    return recipients
