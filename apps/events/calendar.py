"""Events as calendars read them: iCalendar entries (through apps.core.calendar) and
schema.org Event JSON-LD. An event's SEQUENCE is Event.sequence, raised when it is moved or
cancelled."""

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone

from apps.core.calendar import calendar_entry, calendar_uid, calendar_with
from apps.core.emails import absolute_url
from apps.core.i18n import translated
from apps.events.models import Event, EventFormat


def location_text(event: Event, *, join_url: bool) -> str:
    """Where it is, as one line: the venue and address, and online only the join link to
    those who may see it."""
    parts = []
    if event.at_a_venue:
        parts.append(", ".join(part for part in (event.venue_name, event.full_address) if part))
    if event.is_online:
        parts.append(event.join_url if join_url else str(EventFormat.ONLINE.label))
    return " · ".join(parts)


def calendar_event(event: Event, *, join_url: bool = False, now: datetime | None = None):
    """One VEVENT, in the event's own time zone. The join link only with join_url=True (for
    the people registered); never on the public calendar."""
    page = absolute_url(event.get_absolute_url())
    summary = translated(event, "summary").text
    return calendar_entry(
        uid=calendar_uid("event", event.pk),
        starts_at=event.local_starts_at,
        ends_at=event.local_ends_at,
        summary=str(event),
        description="\n\n".join(part for part in (summary, page) if part),
        location=location_text(event, join_url=join_url),
        url=page,
        updated_at=event.updated_at,
        sequence=event.sequence,
        status="CANCELLED" if event.is_cancelled else "CONFIRMED",
        now=now,
    )


def calendar_of(events: Iterable[Event], *, name: str, join_url: bool = False) -> bytes:
    """A calendar of events, with the time zones they name."""
    now = timezone.now()
    return calendar_with(
        (calendar_event(event, join_url=join_url, now=now) for event in events), name=name
    )


ATTENDANCE_MODES = {
    EventFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
LANGUAGES = {"es": ["es"], "en": ["en"], "both": ["es", "en"]}


def event_json_ld(event: Event) -> str:
    """schema.org Event, escaped so it is safe inside a <script> element. Online, the place
    is the event's page: the join link is for the people registered only."""
    page = absolute_url(event.get_absolute_url())
    places: list[dict] = []
    if event.at_a_venue:
        places.append({
            "@type": "Place", "name": event.venue_name,
            "address": {
                "@type": "PostalAddress", "streetAddress": event.address,
                "addressLocality": event.city, "addressRegion": event.state,
                "postalCode": event.zip_code, "addressCountry": "US",
            },
        })  # fmt: skip
    if event.is_online:
        places.append({"@type": "VirtualLocation", "url": page})
    status = "EventScheduled"
    if event.is_cancelled:
        status = "EventCancelled"
    elif event.sequence:
        status = "EventRescheduled"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": str(event),
        "description": translated(event, "summary").text or translated(event, "description").text,
        "startDate": event.local_starts_at.isoformat(),
        "endDate": event.local_ends_at.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": ATTENDANCE_MODES[EventFormat(event.format)],
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": event.organization.name},
        "isAccessibleForFree": event.is_free,
        "inLanguage": LANGUAGES[event.language],
        "url": page,
    }
    if not event.is_free and event.cost:
        data["offers"] = {
            "@type": "Offer", "price": f"{event.cost:.2f}", "priceCurrency": "USD", "url": page
        }  # fmt: skip
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
