"""The jobs section of the staff daily summary (apps.notifications.summary): reports to look
at first, jobs waiting for review (oldest first) and jobs that end soon."""

from datetime import timedelta

from django.utils import timezone

from apps.core.emails import absolute_url, page_url, per_language
from apps.jobs.models import Job, JobReport
from apps.notifications.registry import SummaryPart

EXPIRING_DAYS = 3
OLDEST_SHOWN = 5


class JobsToCurate:
    def collect(self) -> SummaryPart | None:
        today = timezone.localdate()
        pending = Job.objects.awaiting_review().select_related("organization")
        open_reports = JobReport.objects.filter(resolved_at=None)
        counts = {
            "pending_count": pending.count(),
            "open_reports": open_reports.count(),
            "new_reports": open_reports.filter(
                created_at__gte=timezone.now() - timedelta(days=1)
            ).count(),
            "expiring": Job.objects.published()
            .filter(expires_on__lte=today + timedelta(days=EXPIRING_DAYS))
            .count(),
        }
        if not (counts["pending_count"] or counts["open_reports"] or counts["expiring"]):
            return None
        oldest = list(pending[:OLDEST_SHOWN])
        return SummaryPart(
            template="jobs/email/summary_jobs.txt",
            context={
                **counts,
                "oldest": oldest,
                "oldest_urls": per_language(
                    lambda: {job.pk: absolute_url(job.get_manage_url()) for job in oldest}
                ),
                "queue_url": page_url("jobs:review_queue"),
                "reports_url": page_url("jobs:reports"),
            },
            waiting=counts["pending_count"],
            reports=counts["open_reports"],
        )
