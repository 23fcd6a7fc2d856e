from celery import shared_task

from apps.notifications.digest import digests_queue
from apps.notifications.services import BATCH_SIZE, chunked, deliveries_due, deliveries_send
from apps.notifications.summary import staff_summaries_queue


@shared_task
def send_deliveries(delivery_ids: list[int]) -> None:
    """Send a batch. Idempotent: deliveries sent or being sent are left alone, so duplicate
    messages are harmless. A failure is retried with backoff (the default for Camino's
    tasks); only what was not sent is tried again."""
    deliveries_send(delivery_ids)


@shared_task
def sweep_deliveries() -> None:
    """Every minute: enqueue what was recorded but not sent (broker down at commit time, a
    worker that died mid-batch) and the reminders that have come due."""
    for batch in chunked(deliveries_due(), BATCH_SIZE):
        send_deliveries.delay(batch)


@shared_task
def send_staff_summaries() -> None:
    """Daily (beat): the curators' summary of what waits for them."""
    staff_summaries_queue()


@shared_task
def send_weekly_digests() -> None:
    """Weekly (beat): queue the digest of last week for everyone who asked for one."""
    digests_queue()
