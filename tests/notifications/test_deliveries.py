from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.notifications.models import Delivery
from apps.notifications.services import deliveries_send, delivery_queue
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.worker import sent_emails, wait_for

pytestmark = pytest.mark.django_db


def expiry_warning(job, key_suffix=""):
    return delivery_queue(
        key=f"expiry-warning:{job.pk}:{job.expires_on}{key_suffix}",
        recipient_id=job.created_by_id, kind="expiry_warning",
        params={"job": job.pk, "expires_on": str(job.expires_on)},
    )  # fmt: skip


@pytest.fixture
def job():
    return JobFactory(title_en="Line cook", created_by=UserFactory(preferred_language="en"))


def test_the_same_key_is_the_same_email(job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = expiry_warning(job)
        second = expiry_warning(job)

    assert first.pk == second.pk
    assert Delivery.objects.count() == 1
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == "sent"


def test_sending_twice_sends_once(job):
    delivery = expiry_warning(job)
    assert deliveries_send([delivery.pk]) == 1
    assert deliveries_send([delivery.pk]) == 0
    assert len(mail.outbox) == 1


def test_a_send_in_progress_is_left_alone_until_its_lease_runs_out(job):
    delivery = expiry_warning(job)
    Delivery.objects.filter(pk=delivery.pk).update(
        status="sending", claimed_until=timezone.now() + timedelta(minutes=1)
    )
    assert deliveries_send([delivery.pk]) == 0  # another worker is on it

    # That worker died: once the lease is over, the sweeper's send goes through, once.
    Delivery.objects.filter(pk=delivery.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    sweep_deliveries()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().attempts == 1


def test_an_email_about_something_gone_is_dropped(job):
    delivery = expiry_warning(job)
    job.delete()
    assert deliveries_send([delivery.pk]) == 0
    assert mail.outbox == []
    assert Delivery.objects.get(pk=delivery.pk).status == "dropped"


def test_a_warning_about_a_renewed_job_is_dropped(job):
    delivery = expiry_warning(job)
    job.expires_on += timedelta(days=45)
    job.save()
    assert deliveries_send([delivery.pk]) == 0
    assert Delivery.objects.get().status == "dropped"


def test_a_failed_send_is_pending_again_for_a_retry(job, settings):
    settings.EMAIL_BACKEND = "tests.testapp.mail.RefusingBackend"
    delivery = expiry_warning(job)
    with pytest.raises(ConnectionRefusedError):
        deliveries_send([delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "refused" in delivery.last_error


def test_a_batch_shares_one_connection_to_the_mail_server(settings):
    from tests.testapp.mail import CountingBackend

    settings.EMAIL_BACKEND = "tests.testapp.mail.CountingBackend"
    CountingBackend.opened, CountingBackend.sent = 0, []
    deliveries = [expiry_warning(JobFactory(created_by=UserFactory())) for _ in range(6)]

    assert deliveries_send([delivery.pk for delivery in deliveries]) == 6
    assert (CountingBackend.opened, len(CountingBackend.sent)) == (1, 6)


def test_a_delivery_that_keeps_failing_is_left_for_an_operator(job, settings):
    from apps.notifications.services import MAX_ATTEMPTS, deliveries_due

    settings.EMAIL_BACKEND = "tests.testapp.mail.RefusingBackend"
    delivery = expiry_warning(job)
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now() - timedelta(hours=1))
    for _attempt in range(MAX_ATTEMPTS):
        assert deliveries_due() == [delivery.pk]
        with pytest.raises(ConnectionRefusedError):
            deliveries_send([delivery.pk])
    assert deliveries_due() == []
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", MAX_ATTEMPTS)
    assert "refused" in delivery.last_error


def test_the_sweeper_sends_what_was_recorded_but_never_enqueued(job):
    delivery = expiry_warning(job)  # outside a captured commit: nothing was enqueued
    sweep_deliveries()
    assert mail.outbox == []  # too recent: its own task may still be on the way
    Delivery.objects.filter(pk=delivery.pk).update(due_at=timezone.now() - timedelta(minutes=2))
    sweep_deliveries()
    assert len(mail.outbox) == 1


def test_with_the_broker_down_the_request_succeeds_and_the_email_waits(
    client, broker_down, django_capture_on_commit_callbacks
):
    job = JobFactory(status="pending", created_by=UserFactory())
    client.force_login(CuratorFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(job.get_manage_url(), {"action": "publish"})

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "published"
    assert Delivery.objects.get().status == "pending"
    assert mail.outbox == []


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_sends_each_email_once_even_when_told_twice(celery_worker):
    from apps.notifications.tasks import send_deliveries

    jobs = [JobFactory(created_by=UserFactory(email=f"seeker{n}@example.org")) for n in range(12)]
    deliveries = [expiry_warning(job) for job in jobs]
    for delivery in deliveries * 2:  # a duplicate message for every delivery
        send_deliveries.delay([delivery.pk])

    wait_for(
        lambda: Delivery.objects.filter(status="sent").count() == len(deliveries),
        what="every delivery to be sent",
    )
    recipients = sent_emails(celery_worker.email_dir)
    assert sorted(recipients) == sorted(f"seeker{n}@example.org" for n in range(12))
