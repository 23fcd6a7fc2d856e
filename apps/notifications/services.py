"""The delivery log: every email is a Delivery row, recorded in the transaction that causes
it and sent once, by a worker, after commit (or by the sweeper if that did not happen)."""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.core.emails import render_email
from apps.notifications.kinds import writer
from apps.notifications.models import Delivery, EmailPreferences, Topic

logger = logging.getLogger(__name__)

# How long a send owns its delivery; a worker that died mid-send is taken over after it.
LEASE = timedelta(minutes=5)
# Pending deliveries younger than this are left to the task enqueued at commit.
SWEEP_GRACE = timedelta(seconds=30)
SWEEP_BATCH = 1000


def delivery_queue(*, key: str, recipient_id: int, kind: str, params: dict) -> Delivery:
    """Record an email to send. The same key twice is the same email: nothing more is
    queued. Sending is enqueued after commit; if the broker is down, the request goes on and
    the sweeper sends it later."""
    delivery, created = Delivery.objects.get_or_create(
        key=key, defaults={"recipient_id": recipient_id, "kind": kind, "params": params}
    )
    if created:
        transaction.on_commit(lambda: _enqueue(delivery.pk))
    return delivery


def _enqueue(delivery_id: int) -> None:
    from apps.notifications.tasks import send_delivery

    try:
        send_delivery.apply_async((delivery_id,), retry=False)
    except Exception:  # broker down, or (in-process mode) the send failed: the row remains
        logger.warning("delivery %s not enqueued; the sweeper will send it", delivery_id,
                       exc_info=True)  # fmt: skip


def delivery_send(delivery_id: int) -> bool:
    """Send one delivery unless it is sent, being sent, or no longer needed. Returns whether
    an email went out. Raises if sending failed (the delivery is pending again)."""
    now = timezone.now()
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id)
            .filter(
                Q(status=Delivery.Status.PENDING)
                | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
            )
            .select_related("recipient")
            .first()
        )
        if delivery is None:
            return False
        delivery.status = Delivery.Status.SENDING
        delivery.claimed_until = now + LEASE
        delivery.attempts += 1
        delivery.save(update_fields=["status", "claimed_until", "attempts"])
    deliveries = Delivery.objects.filter(pk=delivery.pk)
    email = writer(delivery.kind)(delivery.params)
    if email is None or not wants(delivery.recipient, email.topic):
        deliveries.update(status=Delivery.Status.DROPPED, claimed_until=None)
        return False
    try:
        render_email(
            to=delivery.recipient, template=email.template, context=email.context,
            topic=email.topic,
        ).send()  # fmt: skip
    except Exception as error:
        deliveries.update(
            status=Delivery.Status.PENDING, claimed_until=None, last_error=repr(error)[:1000]
        )
        raise
    deliveries.update(status=Delivery.Status.SENT, sent_at=timezone.now(), claimed_until=None)
    return True


def deliveries_due() -> list[int]:
    """Deliveries the sweeper must (re)send: pending ones whose task never came, and those
    whose sender died (lease expired)."""
    now = timezone.now()
    return list(
        Delivery.objects.filter(
            Q(status=Delivery.Status.PENDING, created_at__lt=now - SWEEP_GRACE)
            | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
        )
        .order_by("created_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )


def preferences_update(*, user_id: int, **choices: bool) -> EmailPreferences:
    """Change which emails a person gets (topic=True/False), creating their row if needed."""
    unknown = set(choices) - set(Topic.values)
    if unknown:
        raise ValueError(f"unknown topics: {unknown}")
    with transaction.atomic():
        preferences, _created = EmailPreferences.objects.select_for_update().get_or_create(
            user_id=user_id
        )
        for topic, wanted in choices.items():
            setattr(preferences, topic, wanted)
        preferences.save()
    return preferences


def wants(user, topic: str) -> bool:
    preferences = EmailPreferences.objects.filter(user=user).first()
    return preferences is None or getattr(preferences, topic)
