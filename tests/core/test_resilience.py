"""Redis down or hung: sign-in, sign-up, password reset and job reports still answer, within a
second, and what they send is sent or recorded. Tried against a real Redis that the test stops,
and against a socket that accepts connections but never answers."""

import socket
import threading
import time
from contextlib import contextmanager

import pytest
from django.core import mail
from django.core.cache import cache

from apps.core import cache as fail_open_cache
from apps.jobs.models import JobReport
from apps.notifications.models import Delivery
from portal.settings.base import redis_cache
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.worker import RedisServer, broker

pytestmark = pytest.mark.django_db

SECOND = 1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def hung_server():
    """A TCP server that accepts every connection and never answers: a hung Redis."""
    server = socket.create_server(("127.0.0.1", 0))
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:  # closed at the end of the test
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    finally:
        server.close()
        for connection in held:
            connection.close()


@pytest.fixture(params=[pytest.param("stopped", marks=pytest.mark.redis), "hung"])
def cache_down(request, settings):
    """The cache's Redis stopped (a real one, that answered before), or hung."""
    if request.param == "hung":
        with hung_server() as url:
            settings.CACHES = {"default": redis_cache(url)}
            yield
        return
    redis = RedisServer(port=free_port()).start()
    settings.CACHES = {"default": redis_cache(redis.url)}
    cache.set("before", "it worked")
    assert cache.get("before") == "it worked"
    redis.stop()
    yield


@contextmanager
def within(seconds: float):
    started = time.monotonic()
    yield
    took = time.monotonic() - started
    assert took < seconds, f"took {took:.2f} s"


def test_sign_in_works_fast_and_says_why_without_naming_anyone(client, cache_down, caplog):
    UserFactory(email="ana@example.org")
    client.get("/es/accounts/login/")  # the form first, as a visitor opens it

    with within(SECOND):
        response = client.post(
            "/es/accounts/login/", {"login": "ana@example.org", "password": PASSWORD}
        )

    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    warnings = [r for r in caplog.records if r.name == "apps.core.cache"]
    assert warnings and all(r.levelname == "WARNING" for r in warnings)
    assert "rate limits are off" in warnings[0].getMessage()
    assert "ana@example.org" not in caplog.text
    assert "allauth" not in caplog.text  # no cache key either


def test_sign_up_works_fast_and_its_confirmation_email_is_sent(client, cache_down):
    client.get("/en/accounts/signup/")

    with within(SECOND):
        response = client.post(
            "/en/accounts/signup/",
            {
                "email": "maria@example.org",
                "display_name": "María",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "preferred_language": "en",
            },
        )

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["maria@example.org"]]
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_password_reset_works_fast_and_its_email_is_sent(client, cache_down):
    UserFactory(email="ana@example.org")
    client.get("/es/accounts/password/reset/")

    with within(SECOND):
        response = client.post("/es/accounts/password/reset/", {"email": "ana@example.org"})

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_reporting_a_job_works_fast(client, cache_down):
    job = JobFactory()
    client.get(job.get_absolute_url())

    with within(SECOND):
        response = client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam"})

    assert response.status_code == 302
    assert JobReport.objects.filter(job=job).count() == 1


def test_a_redis_found_down_is_waited_for_once_then_skipped_for_a_while(cache_down):
    with within(0.5):
        assert cache.get("anything", "missed") == "missed"
    with within(0.05):
        for _ in range(20):
            assert cache.add("lock", 1) is True


@pytest.mark.redis
def test_rate_limits_come_back_with_redis(client, settings, monkeypatch):
    monkeypatch.setattr(fail_open_cache, "DOWN_FOR", 0.2)
    redis = RedisServer(port=free_port()).start()
    settings.CACHES = {"default": redis_cache(redis.url)}
    try:
        redis.stop()
        assert cache.get("anything") is None  # found down
        redis.start()
        time.sleep(0.3)
        UserFactory(email="ana@example.org")
        for _ in range(5):
            client.post("/es/accounts/login/", {"login": "ana@example.org", "password": "wrong"})
        response = client.post(
            "/es/accounts/login/", {"login": "ana@example.org", "password": PASSWORD}
        )
    finally:
        redis.stop()

    assert "Demasiados intentos fallidos" in response.content.decode()


@pytest.mark.parametrize("situation", [pytest.param("stopped"), pytest.param("hung")])
def test_publishing_with_the_broker_down_or_hung_answers_fast_and_keeps_the_email(
    client, situation, django_capture_on_commit_callbacks
):
    job = JobFactory(status="pending", created_by=UserFactory())
    client.force_login(CuratorFactory())
    client.get(job.get_manage_url())

    with hung_server() as hung_url:
        url = hung_url if situation == "hung" else f"redis://127.0.0.1:{free_port()}/0"
        with broker(url), within(SECOND), django_capture_on_commit_callbacks(execute=True):
            response = client.post(job.get_manage_url(), {"action": "publish"})

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "published"
    assert Delivery.objects.get().status == "pending"  # the sweeper sends it later
