"""The events section of the staff daily summary (apps.notifications.summary): events waiting
for review (oldest first), and events coming up soon that nobody registered for yet (a
partner may need help getting the word out)."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.core.emails import absolute_url, page_url, per_language
from apps.events.models import ACTIVE, Event, Registration
from apps.notifications.registry import SummaryPart

# "Soon": events in the next two weeks with nobody registered are worth a look.
EMPTY_WITHIN = timedelta(days=14)
OLDEST_SHOWN = 5


class EventsToCurate:
    def collect(self) -> SummaryPart | None:
        now = timezone.now()
        pending = Event.objects.awaiting_review().select_related("organization")
        anyone = Registration.objects.filter(event=OuterRef("pk"), status__in=ACTIVE)
        empty = (
            Event.objects.published()
            .upcoming()
            .filter(starts_at__lt=now + EMPTY_WITHIN)
            .exclude(Exists(anyone))
            .select_related("organization")
            .order_by("starts_at", "pk")
        )
        pending_count, empty_count = pending.count(), empty.count()
        if not (pending_count or empty_count):
            return None
        oldest, soonest = list(pending[:OLDEST_SHOWN]), list(empty[:OLDEST_SHOWN])
        return SummaryPart(
            template="events/email/summary_events.txt",
            context={
                "pending_count": pending_count,
                "empty_count": empty_count,
                "oldest": oldest,
                "soonest": soonest,
                "urls": per_language(
                    lambda: {
                        event.pk: absolute_url(event.get_manage_url())
                        for event in [*oldest, *soonest]
                    }
                ),
                "queue_url": page_url("core:review_queue", "events"),
            },
            waiting=pending_count,
        )
