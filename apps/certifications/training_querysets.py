from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from apps.core.querysets import PublishableQuerySet


class TrainingQuerySet(PublishableQuerySet):
    def listed(self):
        """In the list: published, and someone can still start it (it starts any time, or has
        a start date to come). Without one it leaves the list; its page stays."""
        from apps.certifications.models import TrainingStart

        future = TrainingStart.objects.filter(
            training=OuterRef("pk"), starts_on__gte=timezone.localdate()
        )
        return self.published().filter(Q(rolling_enrollment=True) | Exists(future))
