"""Organizations' personal data (apps.core.personal_data): memberships go with the person;
organizations they asked for or verified stay, without them. Invitations they sent stay
with the organization (without them) until used; an invitation sent to their address goes
with them (`scrub`), whether they accepted it or not."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.organizations.models import Invitation, Membership, Organization


def membership_rows(user):
    memberships = Membership.objects.filter(user=user).select_related("organization")
    for membership in memberships.order_by("created_at", "id"):
        yield {"organization": membership.organization.name, "since": membership.created_at}


def organization_rows(field: str):
    def rows(user):
        for organization in Organization.objects.filter(**{field: user}).order_by("name"):
            yield {
                "organization": organization.name,
                "status": organization.get_status_display(),
                "created_at": organization.created_at,
            }

    return rows


def invitation_rows(field: str):
    def rows(user):
        invitations = Invitation.objects.filter(**{field: user}).select_related("organization")
        for invitation in invitations.order_by("created_at", "id"):
            yield {
                "organization": invitation.organization.name,
                "email": invitation.email,
                "sent": invitation.created_at,
                "accepted": invitation.accepted_at,
            }

    return rows


def invitations_to_scrub(user):
    """Invitations to the person's address that they did not accept as themselves."""
    Invitation.objects.filter(email__iexact=user.email).delete()


INVITATION_COLUMNS = (
    ("organization", _("Organization")),
    ("email", _("Email")),
    ("sent", _("Sent")),
    ("accepted", _("Accepted")),
)

ORGANIZATION_COLUMNS = (
    ("organization", _("Organization")),
    ("status", _("Status")),
    ("created_at", _("Created")),
)

ENTRIES = [
    PersonalData(
        name="memberships",
        model="organizations.Membership",
        title=_("Organizations you submit for"),
        field="user",
        on_erase=DELETE,
        columns=(("organization", _("Organization")), ("since", _("Since"))),
        rows=membership_rows,
    ),
    PersonalData(
        name="organizations_requested",
        model="organizations.Organization",
        title=_("Organizations you asked to register"),
        field="requested_by",
        on_erase=KEEP,
        columns=ORGANIZATION_COLUMNS,
        rows=organization_rows("requested_by"),
    ),
    PersonalData(
        name="organizations_verified",
        model="organizations.Organization",
        title=_("Organizations you verified"),
        field="verified_by",
        on_erase=KEEP,
        columns=ORGANIZATION_COLUMNS,
        rows=organization_rows("verified_by"),
    ),
    PersonalData(
        name="invitations_sent",
        model="organizations.Invitation",
        title=_("Invitations you sent to colleagues"),
        field="invited_by",
        on_erase=KEEP,
        columns=INVITATION_COLUMNS,
        rows=invitation_rows("invited_by"),
    ),
    PersonalData(
        name="invitations_accepted",
        model="organizations.Invitation",
        title=_("Invitations you accepted"),
        field="accepted_by",
        on_erase=DELETE,
        columns=INVITATION_COLUMNS,
        rows=invitation_rows("accepted_by"),
        scrub=invitations_to_scrub,
    ),
]
