from django.utils import timezone

from apps.core.querysets import PublishableQuerySet


class EventQuerySet(PublishableQuerySet):
    def upcoming(self):
        """Not over yet, and not called off."""
        return self.filter(ends_at__gt=timezone.now(), cancelled_at=None)

    def no_id_needed(self):
        return self.filter(id_at_the_door="no")
