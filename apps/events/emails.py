"""The emails about registrations (apps.notifications): seats offered, events cancelled or
moved, organizers' messages and reminders. Each writer loads its whole batch in a fixed
number of queries and writes times in the recipient's own time zone."""

import zoneinfo
from datetime import datetime
from functools import lru_cache, partial

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from apps.core.emails import page_url, url_of
from apps.events.models import Event, EventMessage, Registration, RegistrationStatus
from apps.events.personal_calendar import registration_ics_writer
from apps.events.registrations import DAY_BEFORE
from apps.events.templatetags.events import time_span
from apps.notifications.registry import Email


def _registrations(batch: list[dict]) -> dict[int, Registration]:
    """The batch's registrations with their people, and their events loaded once each: a
    reminder to 500 people of one event reads and builds that event once, not 500 times."""
    registrations = Registration.objects.select_related("user").in_bulk(
        [params["registration"] for params in batch]
    )
    events = Event.objects.select_related("organization").in_bulk(
        {registration.event_id for registration in registrations.values()}
    )
    for registration in registrations.values():
        registration.event = events[registration.event_id]
    return registrations


def zone_of(user, event: Event) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(user.time_zone) if user and user.time_zone else event.zone


def local_time(event: Event, user) -> str:
    """When the event is, in the person's time zone, in the current language."""
    return _span(event.starts_at, event.ends_at, zone_of(user, event), get_language())


@lru_cache(maxsize=512)
def _span(starts_at: datetime, ends_at: datetime, zone: zoneinfo.ZoneInfo, _language) -> str:
    """time_span, written once per event, zone and language (the same for everyone of a
    batch who shares them); the language is part of the key, the text is in it."""
    return time_span(starts_at, ends_at, zone)


def _context(registration: Registration) -> dict:
    event = registration.event
    return {
        "event": event,
        "registration": registration,
        "when": lambda: local_time(event, registration.user),
        "event_url": url_of(event.get_absolute_url),
        "mine_url": page_url("events:my_registrations"),
        "events_url": page_url("events:list"),
    }


def event_offer(batch: list[dict]) -> list[Email | None]:
    """To the first person waiting: a seat is theirs if they confirm in time. Dropped if they
    confirmed, cancelled or the offer ended before it was sent."""
    registrations = _registrations(batch)
    emails = []
    for params in batch:
        registration = registrations.get(params["registration"])
        current = registration is not None and registration.status == RegistrationStatus.OFFERED
        emails.append(
            Email(
                topic="event_notices",
                template="events/email/offer",
                context={
                    **_context(registration),
                    "deadline": lambda r=registration: _deadline(r),
                },
            )
            if current and registration is not None
            else None
        )
    return emails


def _deadline(registration: Registration) -> str:
    expires = registration.offer_expires_at or registration.event.starts_at
    local = expires.astimezone(zone_of(registration.user, registration.event))
    return f"{date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"


def event_changed(batch: list[dict]) -> list[Email | None]:
    """To everyone registered or waiting: the event was cancelled, or moved (the new time,
    in their time zone). A notice of a move is dropped if the event changed again since:
    the later notice says it."""
    registrations = _registrations(batch)
    emails = []
    for params in batch:
        registration = registrations.get(params["registration"])
        current = (
            registration is not None
            and registration.event.sequence == params["sequence"]
            and registration.status != RegistrationStatus.CANCELLED
        )
        emails.append(
            Email(
                topic="event_notices",
                template=f"events/email/{params['change']}",
                context=_context(registration),
            )
            if current and registration is not None
            else None
        )
    return emails


def event_message(batch: list[dict]) -> list[Email | None]:
    """What the organizer wrote to everyone registered, as text."""
    messages = EventMessage.objects.select_related("event__organization").in_bulk(
        [params["message"] for params in batch]
    )
    emails = []
    for params in batch:
        message = messages.get(params["message"])
        emails.append(
            Email(
                topic="event_notices",
                template="events/email/message",
                context={
                    "message": message,
                    "event": message.event,
                    "event_url": url_of(message.event.get_absolute_url),
                },
            )
            if message is not None and message.event.cancelled_at is None
            else None
        )
    return emails


def event_reminder(batch: list[dict]) -> list[Email | None]:
    """A week and a day before: when (in the person's time zone), where or the join link,
    and the event's .ics. Dropped if the person cancelled, or the event was cancelled or
    moved since it was scheduled (the move scheduled new reminders), or when sent so late
    that the next reminder is due."""
    registrations = _registrations(batch)
    now = timezone.now()
    ics = registration_ics_writer()
    emails = []
    for params in batch:
        registration = registrations.get(params["registration"])
        event = registration.event if registration else None
        current = (
            registration is not None
            and event is not None
            and registration.status == RegistrationStatus.REGISTERED
            and event.cancelled_at is None
            and event.is_public
            and event.starts_at == datetime.fromisoformat(params["starts_at"])
            and not _overtaken(params["which"], event, now)
        )
        emails.append(
            Email(
                topic="event_reminders",
                template=f"events/email/reminder_{params['which']}",
                context=_context(registration),
                attachments=(("event.ics", partial(ics, registration), "text/calendar"),),
            )
            if current and registration is not None
            else None
        )
    return emails


def _overtaken(which: str, event: Event, now) -> bool:
    """A week's reminder sent late, when the day's reminder is due already."""
    return which == "week" and now >= event.starts_at - DAY_BEFORE
