from django.db import models
from django.utils import timezone

from apps.core.roles import is_curator

# The status of an organization that staff suspended (apps.organizations takes its value from
# here: core names no app). Its listings leave every public list, search and page at once,
# and its members cannot submit, until staff reinstate it.
ORGANIZATION_SUSPENDED = "suspended"


class ReviewableQuerySet(models.QuerySet):
    """Reads of anything staff review (apps.core.models.Reviewable). Who owns an item (may
    submit and edit it) is the model's question: `owned_by`."""

    def published(self):
        """What the public sees: approved."""
        from apps.core.models import PublicationStatus

        return self.filter(status=PublicationStatus.PUBLISHED)

    def owned_by(self, user):
        """The items this signed-in person may submit and edit: by default those they wrote.
        Publishable items belong to an organization's members; a mentor's profile to them."""
        return self.filter(created_by=user)

    def managed_by(self, user):
        """Every state, for the item's owners and for curators."""
        if is_curator(user):
            return self.all()
        if not user.is_authenticated:
            return self.none()
        return self.owned_by(user)

    def visible_to(self, user):
        """Published items for everyone; every state for the item's owners and for curators.
        Anything else is a 404."""
        return self.published() | self.managed_by(user)

    def editable_by(self, user):
        """Curators edit anything; owners only their drafts and what was sent back."""
        from apps.core.models import PARTNER_EDITABLE

        managed = self.managed_by(user)
        return managed if is_curator(user) else managed.filter(status__in=PARTNER_EDITABLE)

    def awaiting_review(self):
        """The review queue: oldest submission first."""
        from apps.core.models import PublicationStatus

        return self.filter(status=PublicationStatus.PENDING).order_by("submitted_at", "id")


class PublishableQuerySet(ReviewableQuerySet):
    """Listings an organization submits (apps.core.models.Publishable): public until their
    expiry date, owned by the organization's members."""

    def published(self):
        """What the public sees: published and not past its expiry date."""
        return self.published_any_date().filter(expires_on__gte=timezone.localdate())

    def published_any_date(self):
        """Published, also past its expiry date (an event's page stays once it is over),
        unless its organization is suspended: every public read starts here."""
        return super().published().exclude(organization__status=ORGANIZATION_SUSPENDED)

    def member_organizations(self, user):
        """The organizations the user belongs to, as a subquery of ids (read through the
        items' organization and its memberships)."""
        organization = self.model._meta.get_field("organization").related_model
        return organization.objects.filter(memberships__user=user).values("pk")

    def owned_by(self, user):
        return self.filter(organization__in=self.member_organizations(user))


class GuideQuerySet(models.QuerySet):
    """Reads of a guide type (apps.core.models.Guide)."""

    def published(self):
        return self.filter(published=True)
