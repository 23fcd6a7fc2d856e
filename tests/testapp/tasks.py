"""Test-only tasks that misbehave on purpose, to prove the worker settings hold."""

import os
import signal

from celery import shared_task
from django.core.cache import cache


@shared_task
def flaky(key: str, failures: int, how: str) -> None:
    """Fails its first `failures` attempts (raising, or killing its own worker process), then
    records how many attempts it took."""
    cache.add(key, 0, timeout=600)
    attempt = cache.incr(key)
    if attempt <= failures:
        if how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise RuntimeError(f"attempt {attempt} fails on purpose")
    cache.set(f"{key}:done", attempt, timeout=600)
