"""The staff daily summary: what curators should look at today."""

from datetime import timedelta

from django.utils import timezone

from apps.accounts.roles import curators
from apps.core.emails import absolute_url, page_url, per_language
from apps.notifications.kinds import Email
from apps.notifications.services import Outgoing, deliveries_queue

EXPIRING_DAYS = 3
OLDEST_SHOWN = 5


def staff_summaries_queue(*, now=None) -> int:
    """Queue today's summary for each curator who wants it (once a day: the key says so)."""
    day = timezone.localtime(now or timezone.now()).date().isoformat()
    people = curators().exclude(email_preferences__staff_summary=False)
    user_ids = list(people.values_list("pk", flat=True))
    deliveries_queue(
        Outgoing(f"staff-summary:{user_id}:{day}", user_id, "staff_summary", {"day": day})
        for user_id in user_ids
    )
    return len(user_ids)


def staff_summary(batch: list[dict]) -> list[Email | None]:
    """Counts and links, written when sent so they are current, and the same for every
    curator. Nothing to report: no email."""
    from apps.jobs.models import Job, JobReport

    today = timezone.localdate()
    pending = Job.objects.awaiting_review().select_related("organization")
    new_reports = JobReport.objects.filter(
        resolved_at=None, created_at__gte=timezone.now() - timedelta(days=1)
    ).count()
    open_reports = JobReport.objects.filter(resolved_at=None).count()
    expiring = (
        Job.objects.published()
        .filter(expires_on__lte=today + timedelta(days=EXPIRING_DAYS))
        .count()
    )
    pending_count = pending.count()
    if not (pending_count or open_reports or expiring):
        return [None] * len(batch)
    oldest = list(pending[:OLDEST_SHOWN])
    email = Email(
        topic="staff_summary",
        template="notifications/email/staff_summary",
        context={
            "pending_count": pending_count,
            "oldest": oldest,
            "oldest_urls": per_language(
                lambda: {job.pk: absolute_url(job.get_manage_url()) for job in oldest}
            ),
            "new_reports": new_reports,
            "open_reports": open_reports,
            "expiring": expiring,
            "queue_url": page_url("jobs:review_queue"),
            "reports_url": page_url("jobs:reports"),
        },
    )
    return [email] * len(batch)
