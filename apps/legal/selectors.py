"""The directory's reads: the search of providers' entries and the pages of providers."""

import zoneinfo
from collections import defaultdict
from datetime import datetime

from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from apps.core.search import entries_having, entries_order, entries_search, items_of
from apps.core.us import TimeZone
from apps.core.vocabulary import bit_of, bits_of
from apps.legal.filters import LegalFilters
from apps.legal.models import LegalSearchEntry, Location, Phone, Provider
from apps.legal.vocabulary import ServiceCode, SpokenLanguage

SORTS = {
    "distance": ["distance"],
    "name": ["sort_name"],
    "verified": [F("verified_at").desc(nulls_last=True)],
}


def weekday_bits_today(now: datetime | None = None) -> dict[str, int]:
    """Each time zone's bit of today's weekday there (bit 0: Monday), as entries store their
    walk-in days."""
    now = now or timezone.now()
    return {
        zone: 1 << (now.astimezone(zoneinfo.ZoneInfo(zone)).isoweekday() - 1)
        for zone in TimeZone.values
    }


def walk_in_today(entries: QuerySet, now: datetime | None = None) -> QuerySet:
    """The entries with walk-in hours today, today being the weekday in each one's own time
    zone (near midnight it is Tuesday in New York and still Monday in Los Angeles)."""
    zones_by_bit: dict[int, list[str]] = defaultdict(list)
    for zone, bit in weekday_bits_today(now).items():
        zones_by_bit[bit].append(zone)
    walk_in_now = Case(
        *(
            When(time_zone__in=zones, then=F("walk_in_days").bitand(bit))
            for bit, zones in zones_by_bit.items()
        ),
        default=Value(0), output_field=IntegerField(),
    )  # fmt: skip
    return entries.alias(walk_in_now=walk_in_now).filter(walk_in_now__gt=0)


def providers_search(filters: LegalFilters, now: datetime | None = None):
    """The search entries of the listed providers matching the filters, in the order asked
    for: one SQL query, whatever the number of providers. providers_for() loads a page."""
    entries = entries_search(LegalSearchEntry.objects.all(), filters)
    if filters.service:
        entries = entries_having(entries, "services", bits_of(filters.service, ServiceCode))
    if filters.language:
        entries = entries_having(entries, "languages", bit_of(filters.language, SpokenLanguage))
    if filters.cost:
        entries = entries.filter(cost__in=filters.cost)
    if filters.type:
        entries = entries.filter(provider_type__in=filters.type)
    if filters.new_cases:
        entries = entries.filter(accepting_new_cases=True)
    if filters.walk_in_today:
        entries = walk_in_today(entries, now)
    if filters.facility:
        # Through the providers' own many-to-many table (its index on the facility).
        visits = Provider.detention_facilities.through.objects.filter(
            provider_id=OuterRef("pk"), detentionfacility_id=filters.facility
        )
        entries = entries.filter(Exists(visits))
    return entries_order(entries, filters.sort, SORTS)


def providers_for(entries, *, printable: bool = False) -> list[Provider]:
    """The providers of some search entries, in their order, with what a card shows (for
    the printable list, also every place's hours and the phones): a fixed number of
    queries."""
    locations = Location.objects.order_by("pk")
    related: list = ["services"]
    if printable:
        locations = locations.prefetch_related("schedules")
        related.append(Prefetch("phones", queryset=Phone.objects.order_by("pk")))
    providers = Provider.objects.select_related("organization").prefetch_related(
        Prefetch("locations", queryset=locations), *related
    )
    return items_of(entries, providers)


def provider_detail_queryset(user) -> QuerySet[Provider]:
    """Listed entries for everyone; every state, revisions too, for the entry's organization
    and for curators. Anyone else's unpublished entry is a 404."""
    listed = Provider.objects.listed()
    return (listed | Provider.objects.managed_by(user)).select_related("organization")
