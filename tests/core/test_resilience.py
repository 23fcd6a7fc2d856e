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
from apps.notifications.services import Outgoing, deliveries_queue, deliveries_send
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


@pytest.fixture(autouse=True)
def _forget_failures(monkeypatch):
    """Each test finds out for itself that its Redis is down (a port may be used again)."""
    monkeypatch.setattr(fail_open_cache, "_down_until", {})


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


# --- Rate limits count the visitor, not a header they can forge -------------------------------

TOO_MANY = "Demasiados intentos fallidos"
PROXY = "10.0.0.2"


def fail_sign_in(client, n: int, **headers):
    """A failed sign-in, each for another address so that only the per-visitor limit counts."""
    response = client.post(
        "/es/accounts/login/", {"login": f"nobody{n}@example.org", "password": "x"}, **headers
    )
    return response.content.decode()


def report_jobs(client, count: int, headers_of) -> int:
    """Report `count` jobs, the n-th with the headers headers_of(n); how many were taken."""
    for n, job in enumerate(JobFactory.create_batch(count)):
        client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam"}, **headers_of(n))
    return JobReport.objects.count()


def test_a_forged_forwarded_for_does_not_reset_the_sign_in_limit(client):
    for n in range(10):
        assert TOO_MANY not in fail_sign_in(client, n, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert TOO_MANY in fail_sign_in(client, 10, HTTP_X_FORWARDED_FOR="198.51.100.99")


def test_behind_one_proxy_the_address_the_proxy_saw_counts_for_sign_in(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for n in range(10):  # the visitor forges what is left of the proxy's entry
        fail_sign_in(client, n, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9")
    assert TOO_MANY in fail_sign_in(
        client, 10, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.9"
    )
    # Another visitor behind the same proxy has a limit of their own.
    assert TOO_MANY not in fail_sign_in(
        client, 11, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )


def test_a_forged_forwarded_for_does_not_reset_the_report_limit(client):
    taken = report_jobs(client, 6, lambda n: {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"})
    assert taken == 5


def test_behind_one_proxy_the_address_the_proxy_saw_counts_for_reports(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    taken = report_jobs(
        client,
        6,
        lambda n: {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"192.0.2.{n}, 203.0.113.9"},
    )
    assert taken == 5
    other = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    assert report_jobs(client, 1, lambda n: other) == 6


def test_an_ipv6_visitor_is_counted_by_their_64_as_allauth_counts_them(client):
    taken = report_jobs(client, 6, lambda n: {"REMOTE_ADDR": f"2001:db8:1:2::{n + 1}"})
    assert taken == 5


def test_a_batch_of_emails_goes_out_fast_with_the_marks_redis_hung(settings, caplog):
    """The worker marks each email sent in the cache's Redis. Before, a hung Redis held it
    for good (no socket timeout); then each email would have waited for the timeout."""
    job = JobFactory(created_by=UserFactory(preferred_language="en"))
    deliveries_queue(
        Outgoing(
            key=f"expiry-warning:{job.pk}:{number}",
            recipient_id=job.created_by_id,
            kind="expiry_warning",
            params={"job": job.pk, "expires_on": str(job.expires_on)},
        )
        for number in range(20)
    )
    ids = list(Delivery.objects.values_list("pk", flat=True))
    with hung_server() as url:
        settings.CACHES = {"default": redis_cache(url)}
        with within(2 * SECOND):
            assert deliveries_send(ids) == 20

    assert len(mail.outbox) == 20
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}
    assert "could not mark sent emails (TimeoutError)" in caplog.text
