"""Events' personal data (apps.core.personal_data): events a person submitted stay with their
organization, without them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import KEEP, PersonalData
from apps.events.models import Event


def submitted_event_rows(user):
    events = Event.objects.filter(created_by=user).select_related("organization")
    for event in events.order_by("created_at", "id"):
        yield {
            "event": str(event),
            "organization": event.organization.name,
            "status": event.get_status_display(),
            "created_at": event.created_at,
        }


ENTRIES = [
    PersonalData(
        name="events_submitted",
        model="events.Event",
        title=_("Events you created"),
        field="created_by",
        on_erase=KEEP,
        columns=(
            ("event", _("Event")),
            ("organization", _("Organization")),
            ("status", _("Status")),
            ("created_at", _("Created")),
        ),
        rows=submitted_event_rows,
    ),
]
