"""The columns of credentials and trainings spreadsheets (apps.core.imports)."""

from django.utils.translation import gettext_lazy as _

from apps.certifications.models import Credential, Training
from apps.core.imports import ImportResource, per_language
from apps.core.vocabulary import Category, SpokenLanguage

CREDENTIALS = ImportResource(
    Credential,
    _("Credentials"),
    columns=(
        *per_language(
            "name", "summary", "description", "occupations", "pay_note", "cost_note",
            "duration", "experience", "prerequisites_note", "renewal", "foreign_note",
        ),
        "slug", "kind", "issuing_body", "official_url", "categories", "benefit",
        "exam_cost", "course_cost", "fees", "education", "english_level", "format",
        "exam_languages", "foreign_experience",
    ),
    required=(
        *per_language("name", "summary"), "slug", "kind", "issuing_body", "official_url",
        "categories", "benefit", "format",
    ),
    lists={"categories": Category, "exam_languages": SpokenLanguage},
)  # fmt: skip

TRAININGS = ImportResource(
    Training,
    _("Trainings"),
    columns=(
        *per_language(
            "title", "summary", "description", "schedule", "duration", "financial_aid",
            "how_to_enrol",
        ),
        "category", "format", "languages", "rolling_enrollment", "cost", "aid_open_to_all",
        "enrol_url", "venue_name", "address", "city", "state", "zip_code",
    ),
    required=(*per_language("title"), "category", "format", "languages"),
    lists={"languages": SpokenLanguage},
)  # fmt: skip
