"""Events' section of a person's My Camino page (apps.core.registry.personal_sections): the
events they are registered for or waiting for that are still to come, soonest first, with a
link to all their registrations. Two queries however many they have."""

from django.utils import timezone

from apps.events.models import STILL_TO_COME, Registration

SHOWN = 3


def events_section(user) -> dict | None:
    upcoming = Registration.objects.filter(
        user=user, status__in=STILL_TO_COME, event__ends_at__gt=timezone.now()
    )
    count = upcoming.count()
    if not count:
        return None
    registrations = list(
        upcoming.select_related("event").order_by("event__starts_at", "pk")[:SHOWN]
    )
    return {"count": count, "registrations": registrations}
