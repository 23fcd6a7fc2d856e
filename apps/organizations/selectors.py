from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.accounts.models import User
from apps.core.roles import is_curator
from apps.organizations.models import Invitation, Membership, Organization


def member_organization_ids(user: User) -> QuerySet:
    """The ids of the organizations a user is a member of, as a subquery."""
    return Membership.objects.filter(user=user).values("organization_id")


def organizations_of(user: User) -> QuerySet[Organization]:
    return Organization.objects.filter(memberships__user=user).order_by("name")


def organizations_visible_to(user: User | AnonymousUser) -> QuerySet[Organization]:
    """Active organizations for everyone; a pending or declined one only for its members and
    staff."""
    queryset = Organization.objects.select_related("verified_by")
    if is_curator(user):
        return queryset
    active = Q(status=Organization.Status.ACTIVE)
    if not user.is_authenticated:
        return queryset.filter(active)
    return queryset.filter(active | Q(pk__in=member_organization_ids(user)))


def organizations_managed_by(user: User) -> QuerySet[Organization]:
    """The organizations whose members and invitations this person sees: their own; every
    one for staff. Another organization's is a 404."""
    if is_curator(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk__in=member_organization_ids(user))


def members_of(organization: Organization) -> QuerySet[Membership]:
    """Leads first, then by when they joined."""
    return (
        organization.memberships.select_related("user")
        .order_by("role", "created_at", "id")
        .only("role", "created_at", "organization_id", "user__email", "user__display_name")
    )


def open_invitations_of(organization: Organization) -> QuerySet[Invitation]:
    return organization.invitations.filter(accepted_at=None, expires_at__gt=timezone.now())
