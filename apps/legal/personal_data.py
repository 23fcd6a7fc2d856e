"""Legal help's personal data (apps.core.personal_data): entries a person submitted, verified
or whose accreditations they checked stay with their organization and the directory, without
them; reports they filed or handled stay for staff, without them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import KEEP, PersonalData
from apps.legal.models import Accreditation, Provider, ProviderReport


def provider_rows(field: str):
    def rows(user):
        providers = Provider.objects.filter(**{field: user}).select_related("organization")
        for provider in providers.order_by("created_at", "id"):
            yield {
                "provider": provider.name,
                "status": provider.get_status_display(),
                "created_at": provider.created_at,
            }

    return rows


def checked_accreditation_rows(user):
    accreditations = Accreditation.objects.filter(checked_by=user).select_related(
        "provider__organization"
    )
    for accreditation in accreditations.order_by("checked_on", "id"):
        yield {
            "provider": accreditation.provider.name,
            "accreditation": str(accreditation),
            "checked_on": accreditation.checked_on,
        }


def report_rows(field: str, date_field: str):
    def rows(user):
        reports = ProviderReport.objects.filter(**{field: user}).select_related(
            "provider__organization"
        )
        for report in reports.order_by(date_field, "id"):
            yield {
                "provider": report.provider.name,
                "reason": report.get_reason_display(),
                "details": report.details,
                "when": getattr(report, date_field),
            }

    return rows


PROVIDER_COLUMNS = (
    ("provider", _("Legal help provider")),
    ("status", _("Status")),
    ("created_at", _("Created")),
)
REPORT_COLUMNS = (
    ("provider", _("Legal help provider")),
    ("reason", _("Reason")),
    ("details", _("Details")),
    ("when", _("When")),
)

ENTRIES = [
    PersonalData(
        name="legal_providers_submitted",
        model="legal.Provider",
        title=_("Legal help entries you created"),
        field="created_by",
        on_erase=KEEP,
        columns=PROVIDER_COLUMNS,
        rows=provider_rows("created_by"),
    ),
    PersonalData(
        name="legal_providers_verified",
        model="legal.Provider",
        title=_("Legal help entries you verified"),
        field="verified_by",
        on_erase=KEEP,
        columns=PROVIDER_COLUMNS,
        rows=provider_rows("verified_by"),
    ),
    PersonalData(
        name="legal_accreditations_checked",
        model="legal.Accreditation",
        title=_("Accreditations you checked"),
        field="checked_by",
        on_erase=KEEP,
        columns=(
            ("provider", _("Legal help provider")),
            ("accreditation", _("Accreditation")),
            ("checked_on", _("Checked on")),
        ),
        rows=checked_accreditation_rows,
    ),
    PersonalData(
        name="legal_reports_filed",
        model="legal.ProviderReport",
        title=_("Reports about legal help you filed"),
        field="reporter",
        on_erase=KEEP,
        columns=REPORT_COLUMNS,
        rows=report_rows("reporter", "created_at"),
    ),
    PersonalData(
        name="legal_reports_handled",
        model="legal.ProviderReport",
        title=_("Reports about legal help you handled"),
        field="resolved_by",
        on_erase=KEEP,
        columns=REPORT_COLUMNS,
        rows=report_rows("resolved_by", "resolved_at"),
    ),
]
