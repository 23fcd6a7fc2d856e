"""The events a person registered for, as iCalendar: their personal feed (a secret address a
calendar app follows) and the .ics a reminder carries. Written with the icalendar library.
Unlike the public .ics of an event, these are private: they include the join link.

Calendars follow changes by UID and SEQUENCE: a moved or cancelled event has a higher
Event.sequence; a registration the person cancelled is one step higher still, with
STATUS:CANCELLED, so their calendar drops it."""

from datetime import timedelta

import icalendar
from django.conf import settings
from django.utils import timezone

from apps.core.emails import absolute_url
from apps.events.models import Event, Registration, RegistrationStatus

# Cancelled registrations and events stay in the feed this long, so calendars see them go.
CANCELLED_SHOWN_FOR = timedelta(days=30)
# Past events stay in the feed this long.
PAST_SHOWN_FOR = timedelta(days=90)

PRODUCT = "-//Camino//Events//ES"


def uid_of(event: Event) -> str:
    """The same UID as the event's public .ics: a calendar that has both sees one event."""
    host = settings.CAMINO_BASE_URL.split("://", 1)[-1].split("/", 1)[0]
    return f"event-{event.pk}@{host}"


def vevent(event: Event, *, registration: Registration) -> icalendar.Event:
    """The event as this person's calendar shows it: the join link once they have a seat;
    tentative while they wait; cancelled if they or the organizer called it off."""
    cancelled_by_person = registration.status == RegistrationStatus.CANCELLED
    has_seat = registration.status in (RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
    item = icalendar.Event()
    item.add("uid", uid_of(event))
    item.add("sequence", event.sequence + (1 if cancelled_by_person else 0))
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at.astimezone(event.zone))
    item.add("dtend", event.ends_at.astimezone(event.zone))
    item.add("summary", str(event))
    url = absolute_url(event.get_absolute_url())
    item.add("url", url)
    lines = [event.summary or "", url]
    if has_seat and event.is_online and event.join_url:
        lines.insert(1, event.join_url)
    item.add("description", "\n".join(line for line in lines if line))
    if event.at_a_venue:
        item.add("location", ", ".join(p for p in (event.venue_name, event.full_address) if p))
    elif has_seat and event.join_url:
        item.add("location", event.join_url)
    if event.cancelled_at is not None or cancelled_by_person:
        item.add("status", "CANCELLED")
    else:
        item.add("status", "CONFIRMED" if has_seat else "TENTATIVE")
    return item


def calendar_of(items) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Camino")
    for item in items:
        calendar.add_component(item)
    return calendar.to_ical()


def registration_ics(registration: Registration) -> str:
    """One event, for a reminder's attachment."""
    return calendar_of([vevent(registration.event, registration=registration)]).decode()


def feed_registrations(user_id: int):
    """What a person's feed lists: their seats, offers and places in line at events that are
    not long past, and what they or the organizer cancelled lately."""
    now = timezone.now()
    return (
        Registration.objects.filter(user_id=user_id, event__ends_at__gt=now - PAST_SHOWN_FOR)
        .exclude(status=RegistrationStatus.CANCELLED, cancelled_at__lt=now - CANCELLED_SHOWN_FOR)
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def personal_feed(user_id: int) -> bytes:
    return calendar_of(
        vevent(registration.event, registration=registration)
        for registration in feed_registrations(user_id)
    )
