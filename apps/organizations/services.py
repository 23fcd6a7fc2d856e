from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.core.indexing import search_reindex_organization
from apps.core.registry import Registry
from apps.core.roles import is_curator
from apps.core.services import audit_record
from apps.organizations.models import Invitation, Membership, Organization

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

Status = Organization.Status

# Called inside the transaction of a staff decision on an organization, after its audit
# entry: hook(organization=, entry=). The entry's action says which ("approve", "decline",
# "suspend", "reinstate"); the apps above this one (curation) queue the emails there.
organization_changed: Registry[Callable[..., None]] = Registry("organization changed")


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _changed(*, actor: User, organization: Organization, action: str, note: str = "") -> None:
    entry = audit_record(actor=actor, subject=organization, action=action, note=note)
    for hook in organization_changed:
        hook(organization=organization, entry=entry)


def _locked(organization: Organization) -> Organization:
    """The organization's row, locked for this transaction, its status read afresh: two
    staff acting at once do not both succeed."""
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    organization.status = locked.status
    return organization


def organization_request(*, actor: User, organization: Organization) -> Organization:
    """A signed-in person asks to register an organization; it waits for staff approval and
    the person becomes its first member, and its lead."""
    if not actor.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        organization.slug = _unique_slug(organization.name)
        organization.status = Status.PENDING
        organization.requested_by = actor
        organization.save()
        Membership.objects.create(user=actor, organization=organization, role=Membership.Role.LEAD)
        audit_record(actor=actor, subject=organization, action="request")
    return organization


def organization_create(*, actor: User, organization: Organization) -> Organization:
    """Staff register an organization directly; it is active at once."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        if not organization.slug:
            organization.slug = _unique_slug(organization.name)
        organization.status = Status.ACTIVE
        organization.save()
        audit_record(actor=actor, subject=organization, action="create")
    return organization


def organization_update(*, actor: User, organization: Organization) -> Organization:
    """Staff save their edits of an organization's details (not its status: that changes
    through the decisions below)."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        status = Organization.objects.select_for_update().values_list("status", flat=True)
        organization.status = status.get(pk=organization.pk)
        organization.save()
        audit_record(actor=actor, subject=organization, action="edit")
        # Its name shows on its items' cards and search results.
        search_reindex_organization(organization.pk)
    return organization


def organization_decide(
    *, actor: User, organization: Organization, approve: bool, note: str = ""
) -> Organization:
    """Staff approve or decline a registration request; the person who asked is told."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        if _locked(organization).status != Status.PENDING:
            raise ValidationError(_("This organization is not waiting for a decision."))
        organization.status = Status.ACTIVE if approve else Status.DECLINED
        organization.save(update_fields=["status"])
        action = "approve" if approve else "decline"
        _changed(actor=actor, organization=organization, action=action, note=note)
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


def organization_suspend(*, actor: User, organization: Organization, reason: str) -> Organization:
    """Staff suspend an organization: every item of it leaves the public lists, searches and
    pages at once (apps.core.querysets.ORGANIZATION_SUSPENDED), its members cannot submit,
    and they are told why."""
    return _suspension_change(
        actor=actor, organization=organization, reason=reason, suspend=True,
        refused=_("This organization is already suspended."),
    )  # fmt: skip


def organization_reinstate(*, actor: User, organization: Organization, reason: str) -> Organization:
    """Staff lift a suspension: the organization is active again, its published items come
    back, and its members are told."""
    return _suspension_change(
        actor=actor, organization=organization, reason=reason, suspend=False,
        refused=_("This organization is not suspended."),
    )  # fmt: skip


def _suspension_change(
    *, actor: User, organization: Organization, reason: str, suspend: bool, refused
) -> Organization:
    """Suspend or reinstate, with the reason the members read; `refused` when the
    organization is already where the change would take it."""
    if not is_curator(actor):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError(_("Say why, for the organization's members and the audit log."))
    with transaction.atomic():
        suspended = _locked(organization).status == Status.SUSPENDED
        if suspended == suspend:  # nothing to change
            raise ValidationError(refused)
        organization.status = Status.SUSPENDED if suspend else Status.ACTIVE
        organization.save(update_fields=["status"])
        search_reindex_organization(organization.pk)
        action = "suspend" if suspend else "reinstate"
        _changed(actor=actor, organization=organization, action=action, note=reason)
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


# --- Members and invitations -------------------------------------------------------------

# Its id and signature, "12.Xy...": URL-safe as it is.
INVITATION_SIGNER = signing.Signer(salt="organizations.invitation", sep=".")


def invitation_token(invitation: Invitation) -> str:
    """What the invitation's link carries."""
    return INVITATION_SIGNER.sign(str(invitation.pk))


def invitation_of_token(token: str) -> Invitation | None:
    """The invitation a link names, whatever its state, or None for a link that was never
    valid or was cancelled."""
    try:
        pk = INVITATION_SIGNER.unsign(token)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("organization").filter(pk=int(pk)).first()


def _lead_of(user: User, organization: Organization) -> bool:
    return Membership.objects.filter(
        user=user, organization=organization, role=Membership.Role.LEAD
    ).exists()


def invitation_create(
    *, actor: User, organization: Organization, email: str, language: str
) -> Invitation:
    """A member invites a colleague by email; the email goes out after commit, in `language`.
    A newer invitation to the same address replaces an open one."""
    if not Membership.objects.filter(user=actor, organization=organization).exists():
        raise PermissionDenied
    if organization.status not in (Status.ACTIVE, Status.PENDING):
        raise ValidationError(_("A suspended or declined organization cannot invite anyone."))
    email = email.strip()
    if organization.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("This person is already a member."))
    with transaction.atomic():
        organization.invitations.filter(email__iexact=email, accepted_at=None).delete()
        invitation = Invitation.objects.create(
            organization=organization, email=email, language=language, invited_by=actor,
            expires_at=timezone.now() + timedelta(days=settings.ORGANIZATIONS_INVITATION_DAYS),
        )  # fmt: skip
        # No email in the note: audit entries outlive the invitation.
        audit_record(actor=actor, subject=organization, action="invite")
        from apps.organizations.tasks import invitation_send

        transaction.on_commit(partial(invitation_send.delay, invitation.pk))
    return invitation


def invitation_refusal(invitation: Invitation | None, user) -> "str | StrPromise":
    """Why this person cannot accept the invitation now ("" when they can; anyone not
    signed in yet may go on to sign in)."""
    if invitation is None:
        return _("This invitation link is not valid: it may have been cancelled.")
    if invitation.accepted_at is not None:
        return _("This invitation was already used.")
    if invitation.is_expired:
        return _("This invitation has expired. Ask for a new one.")
    if invitation.organization.is_suspended:
        return _("This organization is suspended for now.")
    if user.is_authenticated and user.email.lower() != invitation.email.lower():
        return _("This invitation was sent to another email address. Sign in with that one.")
    return ""


def invitation_accept(*, actor: User, invitation: Invitation) -> Membership:
    """The invited person, signed in with the address it was sent to, joins."""
    if not actor.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        locked = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organization")
            .get(pk=invitation.pk)
        )
        refusal = invitation_refusal(locked, actor)
        if refusal:
            raise ValidationError(refusal)
        membership, _created = Membership.objects.get_or_create(
            user=actor, organization_id=locked.organization_id
        )
        locked.accepted_at = timezone.now()
        locked.accepted_by = actor
        locked.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(actor=actor, subject=locked.organization, action="join")
    return membership


def invitation_cancel(*, actor: User, invitation: Invitation) -> None:
    """A lead (or staff) cancels an invitation not used yet: its link then finds nothing."""
    if not (is_curator(actor) or _lead_of(actor, invitation.organization)):
        raise PermissionDenied
    with transaction.atomic():
        if invitation.accepted_at is not None:
            raise ValidationError(_("This invitation was already used."))
        invitation.delete()
        audit_record(actor=actor, subject=invitation.organization, action="cancel invitation")


def membership_leave(
    *, actor: User, organization: Organization, new_lead: Membership | None = None
) -> None:
    """A member leaves. The last lead first names another member as lead (`new_lead`),
    unless no one else is left: an organization with members always has a lead."""
    with transaction.atomic():
        memberships = Membership.objects.select_for_update().filter(organization=organization)
        mine = memberships.filter(user=actor).first()
        if mine is None:
            raise PermissionDenied
        others = memberships.exclude(pk=mine.pk)
        if mine.is_lead and not others.filter(role=Membership.Role.LEAD).exists():
            if new_lead is not None and others.filter(pk=new_lead.pk).exists():
                others.filter(pk=new_lead.pk).update(role=Membership.Role.LEAD)
                audit_record(actor=actor, subject=organization, action="name lead")
            elif others.exists():
                raise ValidationError(
                    _("You are its only lead: name another member as lead before you leave.")
                )
        mine.delete()
        audit_record(actor=actor, subject=organization, action="leave")


def membership_remove(*, actor: User, membership: Membership) -> None:
    """A lead (or staff) removes another member. Leaving oneself is membership_leave."""
    organization = membership.organization
    if not (is_curator(actor) or _lead_of(actor, organization)):
        raise PermissionDenied
    if membership.user_id == actor.pk:
        raise ValidationError(_("To leave the organization yourself, use Leave."))
    with transaction.atomic():
        membership.delete()
        audit_record(actor=actor, subject=organization, action="remove member")
