"""Curation's personal data (apps.core.personal_data): a staff member's claims are working
state, not a record; they go with the account. What staff did stays in the audit log."""

from django.utils.translation import gettext_lazy as _

from apps.core.imports import import_resources
from apps.core.personal_data import DELETE, KEEP, PersonalData
from apps.curation.models import Claim, ImportFile


def claim_rows(user):
    claims = Claim.objects.filter(claimed_by=user).select_related("content_type")
    for claim in claims.order_by("claimed_at", "id"):
        yield {
            "item": f"{claim.content_type.name} {claim.object_id}",
            "claimed_at": claim.claimed_at,
            "expires_at": claim.expires_at,
        }


def import_file_rows(user):
    files = ImportFile.objects.filter(uploaded_by=user).defer("content", "report")
    for import_file in files.order_by("uploaded_at", "id"):
        resource = import_resources.get(import_file.kind)
        yield {
            "file_name": import_file.file_name,
            "kind": resource.label if resource else import_file.kind,
            "uploaded_at": import_file.uploaded_at,
            "imported_at": import_file.imported_at,
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
    # Uploaded files are working copies: what they changed stays in the audit log.
    PersonalData(
        name="curation_import_files",
        model="curation.ImportFile",
        title=_("Files you uploaded to import"),
        field="uploaded_by",
        on_erase=DELETE,
        columns=(
            ("file_name", _("File")),
            ("kind", _("Kind of item")),
            ("uploaded_at", _("Uploaded")),
            ("imported_at", _("Imported")),
        ),
        rows=import_file_rows,
    ),
]
