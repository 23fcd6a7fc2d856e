"""Organizations' personal data (apps.core.personal_data): memberships go with the person;
organizations they asked for or verified stay, without them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.organizations.models import Membership, Organization


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
]
