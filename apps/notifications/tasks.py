from celery import shared_task

from apps.notifications.services import deliveries_due, delivery_send
from apps.notifications.summary import staff_summaries_queue


@shared_task
def send_delivery(delivery_id: int) -> None:
    """Idempotent: a delivery sent or being sent is left alone, so duplicates are harmless.
    A failure is retried with backoff (the default for Camino's tasks)."""
    delivery_send(delivery_id)


@shared_task
def sweep_deliveries() -> None:
    """Every minute: enqueue what was recorded but not sent (broker down at commit time, or
    a worker that died mid-send)."""
    for delivery_id in deliveries_due():
        send_delivery.delay(delivery_id)


@shared_task
def send_staff_summaries() -> None:
    """Daily (beat): the curators' summary of what waits for them."""
    staff_summaries_queue()
