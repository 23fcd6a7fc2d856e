"""The columns of an events spreadsheet (apps.core.imports). Dates and times are ISO 8601
("2026-05-02T18:00:00-05:00"; without an offset, Camino's time zone)."""

from django.utils.translation import gettext_lazy as _

from apps.core.imports import ImportResource, per_language
from apps.events.models import Event

RESOURCE = ImportResource(
    Event,
    _("Events"),
    columns=(
        *per_language("title", "summary", "description", "accessibility_notes", "what_to_bring"),
        "kind", "topic", "language", "interpretation", "starts_at", "ends_at", "time_zone",
        "is_free", "cost", "cost_note", "audience", "id_at_the_door", "format",
        "venue_name", "address", "city", "state", "zip_code", "join_url",
    ),
    required=(*per_language("title"), "kind", "starts_at", "ends_at"),
)  # fmt: skip
