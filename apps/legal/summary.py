"""Legal help's part of the staff daily summary (apps.notifications.summary): entries and
changes waiting for review, seekers' open reports, and listed entries whose accredited
representative's accreditation has expired."""

from django.db.models import Exists, OuterRef
from django.utils import timezone

from apps.core.emails import page_url
from apps.legal.models import Accreditation, AccreditationKind, Provider, ProviderReport
from apps.notifications.registry import SummaryPart


def with_expired_accreditation(providers):
    expired = Accreditation.objects.filter(
        provider=OuterRef("pk"),
        kind=AccreditationKind.ACCREDITED_REPRESENTATIVE,
        expires_on__lt=timezone.localdate(),
    )
    return providers.filter(Exists(expired))


class LegalToCurate:
    def collect(self) -> SummaryPart | None:
        counts = {
            "pending_count": Provider.objects.awaiting_review().count(),
            "open_reports": ProviderReport.objects.filter(resolved_at=None).count(),
            "expired_accreditations": with_expired_accreditation(Provider.objects.listed()).count(),
        }
        if not any(counts.values()):
            return None
        return SummaryPart(
            template="legal/email/summary_legal.txt",
            context={
                **counts,
                "queue_url": page_url("core:review_queue", "legal"),
                "reports_url": page_url("legal:reports"),
                "directory_url": page_url("legal:directory"),
            },
            waiting=counts["pending_count"],
            reports=counts["open_reports"],
        )
