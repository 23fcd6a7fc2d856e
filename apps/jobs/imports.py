"""The columns of a jobs spreadsheet (apps.core.imports)."""

from django.utils.translation import gettext_lazy as _

from apps.core.imports import ImportResource, per_language
from apps.jobs.forms import job_problems
from apps.jobs.models import Job

RESOURCE = ImportResource(
    Job,
    _("Jobs"),
    columns=(
        *per_language("title", "description", "requirements", "benefits", "schedule_notes"),
        "category", "employment_type", "work_authorization", "work_language",
        "pay_min", "pay_max", "pay_unit", "workplace", "city", "state", "zip_code",
        "apply_url", "apply_email", "apply_in_person", "expires_on",
    ),
    required=(
        *per_language("title"), "category", "employment_type", "work_authorization",
        "work_language",
    ),
    problems=job_problems,
)  # fmt: skip
