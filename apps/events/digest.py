"""The events section of the weekly digest (apps.notifications.digest): events published last
week, still to come and open, in the person's language (or in both languages)."""

from django.utils.formats import date_format

from apps.accounts.models import User
from apps.core.emails import absolute_url, page_url, per_language
from apps.events.models import Event, EventLanguage

MAX_EVENTS = 5


class NewEvents:
    name = "events"
    template = "events/email/digest_events.txt"

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        new = list(
            Event.objects.published()
            .upcoming()
            .filter(published_at__gte=since, published_at__lt=until)
            .order_by("starts_at", "pk")
            .values_list("pk", "language")[: MAX_EVENTS * 10]
        )
        if not new:
            return {}
        languages = dict(
            User.objects.filter(pk__in=user_ids).values_list("pk", "preferred_language")
        )
        found = {}
        for user_id, language in languages.items():
            spoken = [pk for pk, event_language in new
                      if event_language in (language, EventLanguage.BOTH)]  # fmt: skip
            if spoken:
                found[user_id] = spoken[:MAX_EVENTS]
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


def event_time(event: Event) -> str:
    """When it starts where it happens, in the current language ("March 5, 2027, 6 p.m. CST")."""
    starts = event.local_starts_at
    return f"{date_format(starts, 'DATETIME_FORMAT')} {starts.tzname()}"
