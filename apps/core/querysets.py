from django.db import models
from django.utils import timezone


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published and not past its expiry date."""
        return self.filter(status="published", expires_on__gte=timezone.localdate())

    def managed_by(self, user):
        """Every state, for the item's organization's members and for curators."""
        from apps.accounts.roles import is_curator
        from apps.organizations.selectors import member_organization_ids

        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=member_organization_ids(user))

    def visible_to(self, user):
        """Published items for everyone; every state for the item's organization's members
        and for curators. Anything else is a 404."""
        return self.published() | self.managed_by(user)

    def editable_by(self, user):
        """Curators edit anything; partners only their organization's drafts and rejected."""
        from apps.accounts.roles import is_curator

        managed = self.managed_by(user)
        return managed if is_curator(user) else managed.filter(status__in=["draft", "rejected"])

    def awaiting_review(self):
        """The review queue: oldest submission first."""
        return self.filter(status="pending").order_by("submitted_at", "id")
