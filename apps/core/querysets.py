from django.db import models
from django.utils import timezone


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public sees: published and not past its expiry date."""
        return self.filter(status="published", expires_on__gte=timezone.localdate())

    def visible_to(self, user):
        """Published items for everyone; every state for the item's organization's members
        and for curators. Anything else is a 404."""
        from apps.accounts.roles import is_curator

        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.published()
        return self.filter(
            models.Q(status="published", expires_on__gte=timezone.localdate())
            | models.Q(organization__in=_organizations_of(user))
        )

    def managed_by(self, user):
        """Every state, for the item's organization's members and for curators."""
        from apps.accounts.roles import is_curator

        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=_organizations_of(user))

    def awaiting_review(self):
        """The review queue: oldest submission first."""
        return self.filter(status="pending").order_by("submitted_at", "id")

    def editable_by(self, user):
        """Curators edit anything; partners only their organization's drafts and rejected."""
        from apps.accounts.roles import is_curator

        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            organization__in=_organizations_of(user), status__in=["draft", "rejected"]
        )


def _organizations_of(user):
    """The ids of the organizations a user is a member of, as a subquery."""
    from apps.organizations.models import Membership

    return Membership.objects.filter(user=user).values("organization_id")
