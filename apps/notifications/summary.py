"""The staff daily summary: what curators should look at today. Each part of Camino adds its
section (apps.notifications.registry.summary_sections): counts and links, written when the
email is sent so they are current, and the same for every curator."""

from django.utils import timezone

from apps.core.emails import page_url
from apps.core.roles import curators
from apps.core.verification import checked_types, overdue
from apps.notifications.registry import Email, SummaryPart, summary_sections
from apps.notifications.services import Outgoing, deliveries_queue, wanting


def staff_summaries_queue(*, now=None) -> int:
    """Queue today's summary for each curator who wants it (once a day: the key says so)."""
    day = timezone.localtime(now or timezone.now()).date().isoformat()
    user_ids = list(curators().filter(wanting("staff_summary")).values_list("pk", flat=True))
    deliveries_queue(
        Outgoing(f"staff-summary:{user_id}:{day}", user_id, "staff_summary", {"day": day})
        for user_id in user_ids
    )
    return len(user_ids)


def staff_summary(batch: list[dict]) -> list[Email | None]:
    """One email for the whole batch, from the sections that have something to report.
    Nothing to report anywhere: no email."""
    parts = [part for make in summary_sections if (part := make().collect()) is not None]
    if not parts:
        return [None] * len(batch)
    email = Email(
        topic="staff_summary",
        template="notifications/email/staff_summary",
        context={
            "parts": parts,
            "waiting": sum(part.waiting for part in parts),
            "reports": sum(part.reports for part in parts),
        },
    )
    return [email] * len(batch)


class ToCheckAgain:
    """What staff should check against its sources again (apps.core.verification), per type,
    with the link to the queue."""

    def collect(self) -> SummaryPart | None:
        counts = [
            (kind.title, count)
            for key, kind in checked_types.items()
            if (count := overdue(kind).count())
        ]
        if not counts:
            return None
        return SummaryPart(
            template="notifications/email/summary_stale.txt",
            context={"counts": counts, "queue_url": page_url("core:stale")},
        )
