"""The mentors section of the staff daily summary (apps.notifications.summary): mentor
applications waiting for review, oldest first."""

from apps.core.emails import absolute_url, page_url, per_language
from apps.mentorship.models import MentorProfile
from apps.notifications.registry import SummaryPart

OLDEST_SHOWN = 5


class MentorApplications:
    def collect(self) -> SummaryPart | None:
        pending = MentorProfile.objects.awaiting_review().select_related("user")
        count = pending.count()
        if not count:
            return None
        oldest = list(pending[:OLDEST_SHOWN])
        return SummaryPart(
            template="mentorship/email/summary_mentors.txt",
            context={
                "pending_count": count,
                "oldest": oldest,
                "urls": per_language(
                    lambda: {m.pk: absolute_url(m.get_manage_url()) for m in oldest}
                ),
                "queue_url": page_url("core:review_queue", "mentors"),
            },
            waiting=count,
        )
