"""The events section of the weekly digest (apps.notifications.digest): events published last
week, still to come, in the person's language (or in both languages); and, for a person who
has registered for events at a venue before, only those near the places they went to (or
online). Camino keeps no address of anyone: those places are all it knows of where they are."""

from collections import defaultdict

from django.utils.formats import date_format

from apps.accounts.models import User
from apps.core.emails import absolute_url, page_url, per_language
from apps.core.us import bounding_box, locate_zip
from apps.events.models import AT_A_VENUE, Event, EventLanguage, Registration

MAX_EVENTS = 5
# How far from a place the person went to an event counts as near (a square around it).
NEAR_MILES = 30


class NewEvents:
    name = "events"
    template = "events/email/digest_events.txt"

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        new = list(
            Event.objects.published()
            .upcoming()
            .filter(published_at__gte=since, published_at__lt=until)
            .order_by("starts_at", "pk")
            .values_list("pk", "language", "format", "zip_code")[: MAX_EVENTS * 20]
        )
        if not new:
            return {}
        languages = dict(
            User.objects.filter(pk__in=user_ids).values_list("pk", "preferred_language")
        )
        places = defaultdict(set)
        went = Registration.objects.filter(user_id__in=user_ids, event__format__in=AT_A_VENUE)
        for user_id, zip_code in went.values_list("user_id", "event__zip_code").distinct():
            places[user_id].add(zip_code)
        found = {}
        for user_id, language in languages.items():
            near = _near(places[user_id])
            chosen = [
                pk
                for pk, event_language, event_format, zip_code in new
                if event_language in (language, EventLanguage.BOTH)
                and (near is None or event_format not in AT_A_VENUE or near(zip_code))
            ]
            if chosen:
                found[user_id] = chosen[:MAX_EVENTS]
        return found

    def load(self, ids) -> tuple[dict, dict]:
        events = (
            Event.objects.published()
            .upcoming()
            .filter(pk__in=ids)
            .select_related("organization")
            .in_bulk()
        )
        return events, {
            "events_url": page_url("events:list"),
            "event_lines": per_language(
                lambda: {
                    pk: {"when": event_time(event), "url": absolute_url(event.get_absolute_url())}
                    for pk, event in events.items()
                }
            ),
        }


def _near(zip_codes: set[str]):
    """Whether a ZIP code is near one of these places; None when no place is known."""
    boxes = [
        bounding_box(point.latitude, point.longitude, NEAR_MILES)
        for zip_code in zip_codes
        if (point := locate_zip(zip_code))
    ]
    if not boxes:
        return None

    def near(zip_code: str) -> bool:
        point = locate_zip(zip_code)
        return point is not None and any(
            south <= point.latitude <= north and west <= point.longitude <= east
            for south, north, west, east in boxes
        )

    return near


def event_time(event: Event) -> str:
    """When it starts where it happens, in the current language ("March 5, 2027, 6 p.m. CST")."""
    starts = event.local_starts_at
    return f"{date_format(starts, 'DATETIME_FORMAT')} {starts.tzname()}"
