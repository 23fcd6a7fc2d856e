from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from apps.accounts.models import User
from apps.core.roles import is_curator
from apps.core.services import audit_record
from apps.organizations.models import Membership, Organization


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def organization_request(*, actor: User, organization: Organization) -> Organization:
    """A signed-in person asks to register an organization; it waits for staff approval and
    the person becomes its first member."""
    if not actor.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        organization.slug = _unique_slug(organization.name)
        organization.status = Organization.Status.PENDING
        organization.requested_by = actor
        organization.save()
        Membership.objects.create(user=actor, organization=organization)
        audit_record(actor=actor, subject=organization, action="request")
    return organization


def organization_create(*, actor: User, organization: Organization) -> Organization:
    """Staff register an organization directly; it is active at once."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        if not organization.slug:
            organization.slug = _unique_slug(organization.name)
        organization.status = Organization.Status.ACTIVE
        organization.save()
        audit_record(actor=actor, subject=organization, action="create")
    return organization


def organization_decide(
    *, actor: User, organization: Organization, approve: bool, note: str = ""
) -> Organization:
    """Staff approve or decline a registration request."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        organization.status = (
            Organization.Status.ACTIVE if approve else Organization.Status.DECLINED
        )
        organization.save(update_fields=["status"])
        audit_record(
            actor=actor, subject=organization, action="approve" if approve else "decline",
            note=note,
        )  # fmt: skip
    return organization


def organization_verify(*, actor: User, organization: Organization, note: str = "") -> Organization:
    """Staff confirm the organization is who it says it is (shown publicly, with the date)."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        organization.verified_by = actor
        organization.verified_at = timezone.now()
        organization.save(update_fields=["verified_by", "verified_at"])
        audit_record(actor=actor, subject=organization, action="verify", note=note)
    return organization


def membership_add(*, actor: User, organization: Organization, user: User) -> Membership:
    """Staff add a person to an organization so they can submit on its behalf."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(user=user, organization=organization)
        if created:
            # No note naming the person: audit entries outlive accounts (the membership names
            # them, and goes with their account).
            audit_record(actor=actor, subject=organization, action="add member")
    return membership
