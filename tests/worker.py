"""A real Celery worker process for the tests about background work: same code, same Redis
broker, and the test database, so what a task writes is what the test reads."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

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

    def __init__(self, concurrency: int = 1, email_dir: Path | None = None):
        self.concurrency = concurrency
        self.email_dir = email_dir
        self.log = Path(tempfile.mkstemp(prefix="camino-worker-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": test_database_url(),
            "CAMINO_EAGER_TASKS": "0",
            **({"CAMINO_EMAIL_DIR": str(self.email_dir)} if self.email_dir else {}),
        }
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
