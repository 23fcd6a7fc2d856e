"""Mentorship's sections of the staff daily summary (apps.notifications.summary): open
conduct reports first (someone may be at risk), then requests unanswered for 7 days or more
(a mentor may need a nudge or to be paused); and mentor applications waiting for review,
oldest first."""

from django.utils import timezone

from apps.core.emails import absolute_url, page_url, per_language
from apps.mentorship.models import Match, MatchReport, MatchStatus, MentorProfile
from apps.mentorship.services import ANSWER_REMINDER
from apps.notifications.registry import SummaryPart

OLDEST_SHOWN = 5


class MatchesToWatch:
    def collect(self) -> SummaryPart | None:
        reports = MatchReport.objects.filter(resolved_at=None)
        unanswered = Match.objects.filter(
            status__in=(MatchStatus.REQUESTED, MatchStatus.PROPOSED),
            requested_at__lte=timezone.now() - ANSWER_REMINDER,
        )
        report_count, unanswered_count = reports.count(), unanswered.count()
        if not (report_count or unanswered_count):
            return None
        oldest = list(reports.select_related("reported").order_by("created_at")[:OLDEST_SHOWN])
        return SummaryPart(
            template="mentorship/email/summary_matches.txt",
            context={
                "report_count": report_count,
                "unanswered_count": unanswered_count,
                "oldest": oldest,
                "reports_url": page_url("mentorship:reports"),
            },
            reports=report_count,
        )


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
