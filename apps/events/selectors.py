from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.core.search import PageItems, entries_order, entries_search, items_of
from apps.events.filters import EventFilters
from apps.events.models import (
    AT_A_VENUE,
    ONLINE_FORMATS,
    Event,
    EventSearchEntry,
    Registration,
    RegistrationStatus,
)

# What a result card shows: a page of results loads only these.
EVENT_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "summary_es",
    "summary_en", "kind", "topic", "language", "interpretation", "starts_at", "ends_at",
    "time_zone", "is_free", "cost", "format", "venue_name", "city", "state",
    "id_at_the_door", "capacity", "seats_left", "cancelled_at", "organization",
]  # fmt: skip


def events_search(filters: EventFilters) -> QuerySet[EventSearchEntry]:
    """The search entries of the upcoming published events matching the filters, in the
    order asked for (soonest first unless asked otherwise): one SQL query, whatever the
    number of events. events_for() loads a page."""
    entries = entries_search(EventSearchEntry.objects.all(), filters).filter(
        ends_at__gt=timezone.now(), cancelled=False
    )
    if filters.where == "in_person":
        entries = entries.filter(format__in=AT_A_VENUE)
    elif filters.where == "online":
        entries = entries.filter(format__in=ONLINE_FORMATS)
    start, end = filters.period()
    if start:
        entries = entries.filter(ends_at__gt=start)
    if end:
        entries = entries.filter(starts_at__lt=end)
    if filters.language:
        entries = entries.filter(language__in=[filters.language, "both"])
    if filters.free:
        entries = entries.filter(is_free=True)
    if filters.no_id:
        entries = entries.filter(id_at_the_door="no")
    if filters.seats:
        entries = entries.filter(Q(seats_left=None) | Q(seats_left__gt=0))
    return entries_order(entries, filters, {"soonest": ["starts_at"]})


def _event_cards(also: tuple[str, ...] = ()) -> QuerySet[Event]:
    return Event.objects.select_related("organization").only(
        *EVENT_CARD_FIELDS, "organization__name", "organization__slug", *also
    )


EVENT_CARDS = PageItems(_event_cards)


def events_for(entries, *, also: tuple[str, ...] = ()) -> list[Event]:
    """The events of some search entries, in their order, with what a result card shows and
    the distance when the search had one: one query, with their organizations."""
    return items_of(entries, _event_cards(also) if also else EVENT_CARDS)


def event_detail_queryset(user) -> QuerySet[Event]:
    """Published events, also once they are over or cancelled (calendars and links point at
    them); every state for the event's organization and for curators."""
    visible = Event.objects.published_any_date() | Event.objects.managed_by(user)
    return visible.select_related("organization")


def place_in_line():
    """A waiting registration's place: how many people of its event wait before it, plus
    one (a subquery, so a list of registrations costs one query)."""
    ahead = (
        Registration.objects.filter(
            event=OuterRef("event"),
            status=RegistrationStatus.WAITING,
            position__lte=OuterRef("position"),
        )
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead), 0)
