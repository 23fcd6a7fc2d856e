"""The events a person registered for, as iCalendar (apps.events.calendar): their personal
feed, at a secret address their calendar app follows, and the .ics a reminder carries. These
are private, so they carry the join link once the person has a seat.

Calendars follow changes by UID and SEQUENCE: a moved or cancelled event has a higher
Event.sequence; a registration the person cancelled is one step higher still, with
STATUS:CANCELLED, so their calendar drops it. While they wait, it is TENTATIVE."""

from collections.abc import Callable
from datetime import datetime, timedelta

import icalendar
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.core.calendar import calendar_with
from apps.events.calendar import calendar_event
from apps.events.models import Registration, RegistrationStatus

# Cancelled registrations stay in the feed this long, so calendars see them go.
CANCELLED_SHOWN_FOR = timedelta(days=30)
# Past events stay in the feed this long.
PAST_SHOWN_FOR = timedelta(days=90)

S = RegistrationStatus


def registration_vevent(registration: Registration, *, now: datetime) -> icalendar.Event:
    event = registration.event
    has_seat = registration.status in (S.REGISTERED, S.ATTENDED)
    vevent = calendar_event(event, join_url=has_seat, now=now)
    if registration.status == S.CANCELLED and not event.is_cancelled:
        vevent.pop("status")
        vevent.add("status", "CANCELLED")
        vevent.pop("sequence")
        vevent.add("sequence", event.sequence + 1)
    elif not has_seat and not event.is_cancelled:
        vevent.pop("status")
        vevent.add("status", "TENTATIVE")
    return vevent


def registration_ics(registration: Registration, *, now: datetime | None = None) -> str:
    """One event, for a reminder's attachment, in the current language."""
    vevent = registration_vevent(registration, now=now or timezone.now())
    return calendar_with([vevent], name=str(registration.event)).decode()


def registration_ics_writer() -> Callable[[Registration], str]:
    """registration_ics for a batch of emails, each .ics written once per event, status and
    language. What it holds is the event's (its times in the event's own time zone, the join
    link with a seat) and never who the person is, so everyone of one event with the same
    status reading the same language gets the same file: a batch of 500 reminders writes
    two, not 500."""
    now = timezone.now()
    written: dict[tuple, str] = {}

    def ics(registration: Registration) -> str:
        event = registration.event
        key = (event.pk, event.sequence, registration.status, translation.get_language())
        if key not in written:
            written[key] = registration_ics(registration, now=now)
        return written[key]

    return ics


def feed_registrations(user_id: int):
    """What a person's feed lists: their seats, offers and places in line at events that are
    not long past, and what they or the organizer cancelled lately."""
    now = timezone.now()
    return (
        Registration.objects.filter(user_id=user_id, event__ends_at__gt=now - PAST_SHOWN_FOR)
        .exclude(status=S.CANCELLED, cancelled_at__lt=now - CANCELLED_SHOWN_FOR)
        .select_related("event__organization")
        .order_by("event__starts_at", "pk")
    )


def personal_feed(user_id: int) -> bytes:
    now = timezone.now()
    return calendar_with(
        (
            registration_vevent(registration, now=now)
            for registration in feed_registrations(user_id)
        ),
        name=_("My events on Camino"),
    )
