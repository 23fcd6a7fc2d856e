from django.db import models
from django.utils import timezone

from apps.core.roles import is_curator


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published and not past its expiry date."""
        from apps.core.models import PublicationStatus

        return self.filter(status=PublicationStatus.PUBLISHED, expires_on__gte=timezone.localdate())

    def member_organizations(self, user):
        """The organizations the user belongs to, as a subquery of ids (read through the
        items' organization and its memberships)."""
        organization = self.model._meta.get_field("organization").related_model
        return organization.objects.filter(memberships__user=user).values("pk")

    def managed_by(self, user):
        """Every state, for the item's organization's members and for curators."""
        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=self.member_organizations(user))

    def visible_to(self, user):
        """Published items for everyone; every state for the item's organization's members
        and for curators. Anything else is a 404."""
        return self.published() | self.managed_by(user)

    def editable_by(self, user):
        """Curators edit anything; partners only their organization's drafts and rejected."""
        from apps.core.models import PARTNER_EDITABLE

        managed = self.managed_by(user)
        return managed if is_curator(user) else managed.filter(status__in=PARTNER_EDITABLE)

    def awaiting_review(self):
        """The review queue: oldest submission first."""
        from apps.core.models import PublicationStatus

        return self.filter(status=PublicationStatus.PENDING).order_by("submitted_at", "id")
