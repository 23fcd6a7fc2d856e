"""Calendar entries as calendar apps read them: iCalendar (RFC 5545), written with the
`icalendar` library, for every app that has times to offer (events, mentoring sessions).

An entry keeps one UID for life and its SEQUENCE rises when it is moved or cancelled, so a
calendar that imported it updates the entry it has instead of adding another; a cancelled
one says STATUS:CANCELLED."""

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.utils import timezone

PRODUCT_ID = "-//Camino//Events//ES-EN"


def calendar_uid(kind: str, pk: int) -> str:
    """Stable for the thing's life, and unique to this Camino site: `event-12@host`."""
    host = urlparse(settings.CAMINO_BASE_URL).hostname or "camino"
    return f"{kind}-{pk}@{host}"


def calendar_entry(
    *,
    uid: str,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    description: str,
    location: str,
    url: str,
    updated_at: datetime,
    sequence: int = 0,
    status: str = "CONFIRMED",
    now: datetime | None = None,
) -> icalendar.Event:
    """One VEVENT. Times keep their own time zone (pass them localized), which the calendar
    that holds the entry then names."""
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", now or timezone.now())
    vevent.add("last-modified", updated_at)
    vevent.add("sequence", sequence)
    vevent.add("dtstart", starts_at)
    vevent.add("dtend", ends_at)
    vevent.add("summary", summary)
    vevent.add("description", description)
    vevent.add("location", location)
    vevent.add("url", url)
    vevent.add("status", status)
    return vevent


def calendar_with(vevents: Iterable[icalendar.Event], *, name: str) -> bytes:
    """A calendar of these VEVENTs, with the time zones they name."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for vevent in vevents:
        calendar.add_component(vevent)
    for tzid in sorted(calendar.get_missing_tzids()):
        vtimezone = _vtimezone(tzid)
        if vtimezone is not None:  # a zone the time zone database does not know
            calendar.add_component(vtimezone)
    return calendar.to_ical()


@lru_cache(maxsize=128)
def _vtimezone(tzid: str) -> icalendar.Timezone | None:
    """The VTIMEZONE of a zone, as icalendar's add_missing_timezones writes it (its offsets
    over the same years), worked out once per process: it takes milliseconds per zone,
    more than the rest of a one-event calendar. Only read afterwards, never changed."""
    try:
        return icalendar.Timezone.from_tzid(tzid)
    except ValueError:
        return None
