"""Alerts and digests are built and sent in batches: the SQL queries follow the number of
batches and distinct searches, not the number of people; and batches survive real workers
being killed and Redis being stopped."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.jobs.models import SavedSearch
from apps.jobs.services import job_alerts_queue
from apps.notifications.digest import digest_week, digests_queue
from apps.notifications.models import Delivery
from apps.notifications.services import BATCH_SIZE, preferences_update
from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory
from tests.worker import RedisServer, Worker, broker, sent_emails, wait_for

SINCE, _UNTIL = digest_week(timezone.now())
QUERIES = ["q=cocinero", "q=jardinero&authorization=open"]


def people(count: int) -> list[str]:
    """`count` people, each with one of two searches, who want the weekly digest."""
    emails = []
    for n in range(count):
        user = UserFactory(preferred_language=("es", "en")[n % 2])
        preferences_update(user_id=user.pk, weekly_digest=True)
        SavedSearch.objects.create(
            user=user, name=f"search {n}", query=QUERIES[n % 2],
            alerted_until=SINCE,
        )  # fmt: skip
        emails.append(user.email)
    return emails


def new_jobs():
    for title in ("Cocinero", "Jardinero", "Cocinero de noche"):
        JobFactory(
            title_es=title, title_en=title, work_authorization="open",
            published_at=SINCE + timedelta(days=1),
        )  # fmt: skip


def queries_to_queue_and_send(queue, django_capture_on_commit_callbacks) -> int:
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        queue()
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "queue",
    [digests_queue, lambda: job_alerts_queue(frequency="daily")],
    ids=["digest", "job alerts"],
)
def test_queries_do_not_grow_with_the_number_of_recipients(
    queue, django_capture_on_commit_callbacks, mailoutbox
):
    new_jobs()
    few = people(3)
    small = queries_to_queue_and_send(queue, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == len(few)

    Delivery.objects.all().delete()
    mailoutbox.clear()
    SavedSearch.objects.update(alerted_until=SINCE)
    many = few + people(40)
    large = queries_to_queue_and_send(queue, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == len(many)
    assert large == small


def all_sent(count: int):
    return lambda: Delivery.objects.filter(status="sent").count() == count


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_sends_a_digest_batch_exactly_once_even_when_told_twice(celery_worker):
    from apps.notifications.tasks import send_deliveries

    new_jobs()
    everyone = people(30)
    assert digests_queue() == 30  # enqueued at once: one batch
    send_deliveries.delay(list(Delivery.objects.values_list("pk", flat=True)))  # a duplicate

    wait_for(all_sent(30), what="every digest to be sent")
    assert sorted(sent_emails(celery_worker.email_dir)) == sorted(everyone)


@pytest.mark.postgres
@pytest.mark.redis
def test_a_worker_killed_in_the_middle_of_a_batch_leaves_no_one_without_or_with_two(
    transactional_db, tmp_path
):
    from apps.notifications.tasks import sweep_deliveries
    from portal.celery import app
    from tests.worker import purge_queues

    new_jobs()
    everyone = people(40)
    assert len(everyone) < BATCH_SIZE
    purge_queues()
    first = Worker(email_dir=tmp_path, pause_after_emails=10).start()
    second = Worker(email_dir=tmp_path)
    try:
        with broker(app.conf.broker_url):
            digests_queue()  # one batch of 40
            wait_for((tmp_path / "paused").exists, what="ten emails of the batch to go out")
            first.kill()  # SIGKILL, mid-batch
            assert len(sent_emails(tmp_path)) == 10
            assert Delivery.objects.filter(status="sending").count() == 40  # not recorded yet

            second.start()
            # Ten minutes pass: the dead worker's lease runs out, and the sweeper hands the
            # batch to the living worker.
            Delivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
            sweep_deliveries.delay()
            wait_for(all_sent(40), what="the rest of the batch to be sent")
    finally:
        first.stop()
        second.stop()
        purge_queues()

    assert sorted(sent_emails(tmp_path)) == sorted(everyone)


@pytest.mark.postgres
@pytest.mark.redis
def test_with_redis_stopped_a_request_succeeds_and_its_email_goes_out_once_redis_is_back(
    transactional_db, tmp_path, client
):
    from apps.notifications.tasks import sweep_deliveries
    from tests.accounts.factories import CuratorFactory

    submitter = UserFactory(email="partner@example.org")
    job = JobFactory(status="pending", created_by=submitter)
    client.force_login(CuratorFactory())
    redis = RedisServer(port=6391).start()
    worker = Worker(email_dir=tmp_path, redis_url=redis.url)
    try:
        with broker(redis.url):
            redis.stop()
            response = client.post(job.get_manage_url(), {"action": "publish"})
            assert response.status_code == 302
            job.refresh_from_db()
            assert job.status == "published"
            assert Delivery.objects.get().status == "pending"

            redis.start()
            worker.start()
            Delivery.objects.update(due_at=timezone.now() - timedelta(minutes=1))
            sweep_deliveries.delay()  # the next sweep, as beat sends it every minute
            wait_for(all_sent(1), what="the waiting email to be sent")
    finally:
        worker.stop()
        redis.stop()

    assert sent_emails(tmp_path) == ["partner@example.org"]
