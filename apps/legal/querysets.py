from datetime import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from apps.core.querysets import PublishableQuerySet


def stale_before() -> datetime:
    """Entries verified before this are due for another check (still listed)."""
    return timezone.now() - relativedelta(months=settings.LEGAL_STALE_AFTER_MONTHS)


class ProviderQuerySet(PublishableQuerySet):
    """Directory entries. A revision (a partner's pending changes to a published entry) is
    never public: it is managed by its organization and staff only."""

    def entries(self):
        """The entries themselves, without revisions."""
        return self.filter(revision_of=None)

    def revisions(self):
        return self.exclude(revision_of=None)

    def published(self):
        return super().published().filter(revision_of=None)

    def listed(self):
        """What the directory, the API and the name check show."""
        return self.published()

    def accepting_new_cases(self):
        return self.filter(accepting_new_cases=True)

    def stale(self):
        """Not verified for LEGAL_STALE_AFTER_MONTHS (or never): due for another check."""
        return self.filter(Q(verified_at=None) | Q(verified_at__lt=stale_before()))
