"""The columns of a legal help providers spreadsheet (apps.core.imports): one entry per
organization, named by it."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from apps.core.imports import ImportResource, per_language
from apps.core.vocabulary import SpokenLanguage
from apps.legal.models import Provider


def entries(providers: QuerySet) -> QuerySet:
    """Entries, not the pending changes to one (revisions)."""
    return providers.filter(revision_of=None)


RESOURCE = ImportResource(
    Provider,
    _("Legal help providers"),
    columns=(
        *per_language(
            "description", "eligibility_description", "fees_description", "application_process"
        ),
        "alternate_name", "provider_type", "email", "website", "cost", "fee_amount",
        "languages", "interpretation_services", "walk_in", "by_appointment", "by_phone",
        "online_intake_url", "accepting_new_cases",
    ),
    required=("provider_type",),
    lists={"languages": SpokenLanguage},
    items=entries,
)  # fmt: skip
