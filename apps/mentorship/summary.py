"""The mentorship section of the staff daily summary (apps.notifications.summary): open
conduct reports first (someone may be at risk), then requests unanswered for 7 days or more
(a mentor may need a nudge or to be paused)."""

from django.utils import timezone

from apps.core.emails import page_url
from apps.mentorship.models import Match, MatchReport, MatchStatus
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
        oldest = list(
            reports.select_related("match__mentor__user").order_by("created_at")[:OLDEST_SHOWN]
        )
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
