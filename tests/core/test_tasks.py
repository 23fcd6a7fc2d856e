from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone

from apps.core.tasks import clear_expired_sessions
from tests.testapp.tasks import flaky
from tests.worker import wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def make_session(key: str, expires_in: timedelta) -> None:
    Session.objects.create(
        session_key=key, session_data="", expire_date=timezone.now() + expires_in
    )


def test_a_real_worker_clears_expired_sessions(celery_worker):
    make_session("expired", timedelta(days=-1))
    make_session("current", timedelta(days=1))

    clear_expired_sessions.delay()

    wait_for(lambda: not Session.objects.filter(session_key="expired").exists(),
             what="the worker to delete the expired session")  # fmt: skip
    assert Session.objects.filter(session_key="current").exists()


def test_a_failing_task_is_retried_with_backoff_until_it_succeeds(celery_worker):
    flaky.delay("raise-twice", failures=2, how="raise")

    attempts = wait_for(lambda: cache.get("raise-twice:done"), what="the third attempt")
    assert attempts == 3
    assert "Retry in" in celery_worker.output()


def test_a_task_whose_worker_process_dies_is_delivered_again(celery_worker):
    # acks_late + reject_on_worker_lost: a crash mid-task puts the message back on the queue.
    flaky.delay("killed-once", failures=1, how="kill")

    attempts = wait_for(lambda: cache.get("killed-once:done"), what="the redelivered attempt")
    assert attempts == 2
