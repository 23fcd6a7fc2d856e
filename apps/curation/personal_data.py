"""Curation's personal data (apps.core.personal_data): a staff member's claims are working
state, not a record; they go with the account. What staff did stays in the audit log."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.curation.models import Claim


def claim_rows(user):
    claims = Claim.objects.filter(claimed_by=user).select_related("content_type")
    for claim in claims.order_by("claimed_at", "id"):
        yield {
            "item": f"{claim.content_type.name} {claim.object_id}",
            "claimed_at": claim.claimed_at,
            "expires_at": claim.expires_at,
        }


ENTRIES = [
    PersonalData(
        name="curation_claims",
        model="curation.Claim",
        title=_("Items you are working on in the staff workspace"),
        field="claimed_by",
        on_erase=DELETE,
        columns=(
            ("item", _("Item")),
            ("claimed_at", _("Claimed")),
            ("expires_at", _("Claim ends")),
        ),
        rows=claim_rows,
    ),
    PersonalData(
        name="curation_assignments",
        model="curation.Claim",
        title=_("Items you assigned to colleagues"),
        field="assigned_by",
        on_erase=KEEP,
    ),
]
