"""The directory's reads: the search of providers' entries and the pages of providers."""

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
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
from django.db.models.functions import Concat
from django.utils import timezone

from apps.core.search import (
    RADIUS_DEFAULT,
    PageItems,
    entries_having,
    entries_order,
    entries_search,
    items_of,
    within_radius,
)
from apps.core.us import TimeZone, ZipPoint
from apps.core.vocabulary import SpokenLanguage, bit_of, bits_of
from apps.legal.filters import LegalFilters
from apps.legal.models import (
    LegalSearchEntry,
    LegalService,
    Location,
    Phone,
    Provider,
    ServiceAtLocation,
)
from apps.legal.vocabulary import ServiceCode

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
    return entries_order(entries, filters, SORTS)


# What a result card reads of a provider (apps/legal/templatetags/legal.py, provider_card).
PROVIDER_CARD_FIELDS = [
    "id", "organization", "provider_type", "cost", "fee_amount", "accepting_new_cases",
    "verified_at", "languages", "description_es", "description_en",
]  # fmt: skip


def providers_for(entries, *, printable: bool = False) -> list[Provider]:
    """The providers of some search entries, in their order, with what a card shows: two
    queries. A card's services and places come as lists of codes and "city, state" in the
    providers' row (`service_codes`, `place_names`): twenty providers' prefetched services
    and places cost more, in model instances, than the rest of the page. The printable list
    reads every field, and every place's hours and the phones: four queries."""
    if printable:
        locations = Location.objects.order_by("pk").prefetch_related("schedules")
        providers = Provider.objects.select_related("organization").prefetch_related(
            Prefetch("locations", queryset=locations),
            "services",
            Prefetch("phones", queryset=Phone.objects.order_by("pk")),
        )
        return items_of(entries, providers)
    if connection.vendor == "postgresql":
        return items_of(entries, PROVIDER_CARDS)
    return _cards_without_arrays(entries)


def _cards_without_arrays(entries) -> list[Provider]:
    """The same cards where the database has no arrays (SQLite, the zero-setup demo): each
    card's services and places in two more queries."""
    providers = items_of(entries, PROVIDER_CARDS_WITHOUT_ARRAYS)
    ids = [provider.pk for provider in providers]
    services: dict[int, list[str]] = defaultdict(list)
    for provider_id, code in (
        LegalService.objects.filter(provider_id__in=ids)
        .order_by("pk")
        .values_list("provider_id", "code")
    ):
        services[provider_id].append(code)
    places: dict[int, list[str]] = defaultdict(list)
    for provider_id, city, state in (
        Location.objects.filter(provider_id__in=ids)
        .order_by("pk")
        .values_list("provider_id", "city", "state")
    ):
        places[provider_id].append(f"{city}, {state}")
    for provider in providers:
        provider.service_codes = services[provider.pk]
        provider.place_names = places[provider.pk]
    return providers


def _provider_cards() -> QuerySet[Provider]:
    own = {"provider": OuterRef("pk")}
    return (
        Provider.objects.select_related("organization")
        .only(*PROVIDER_CARD_FIELDS, "organization__name")
        .annotate(
            service_codes=ArraySubquery(
                LegalService.objects.filter(**own).order_by("pk").values("code")
            ),
            place_names=ArraySubquery(
                Location.objects.filter(**own)
                .order_by("pk")
                # (named in values(): modeltranslation's values(place=...) adds every field)
                .annotate(place=Concat("city", Value(", "), "state"))
                .values("place")
            ),
        )
    )


PROVIDER_CARDS = PageItems(_provider_cards)
PROVIDER_CARDS_WITHOUT_ARRAYS = PageItems(
    lambda: Provider.objects.select_related("organization").only(
        *PROVIDER_CARD_FIELDS, "organization__name"
    )
)


def provider_detail_queryset(user) -> QuerySet[Provider]:
    """Listed entries for everyone; every state, revisions too, for the entry's organization
    and for curators. Anyone else's unpublished entry is a 404."""
    listed = Provider.objects.listed()
    return (listed | Provider.objects.managed_by(user)).select_related("organization")


# --- the HSDS API (apps/legal/api_views.py) ----------------------------------------------------


@dataclass(frozen=True)
class HsdsQuery:
    """The API's filters, parsed: HSDS's (`search`, `taxonomy_term_id`, `organization_id`,
    `postcode` + `proximity`) and Camino's (`service`, `language`)."""

    search: str = ""
    service: str = ""
    language: str = ""
    provider: int | None = None
    point: ZipPoint | None = None
    miles: float = RADIUS_DEFAULT

    def provider_ids(self) -> QuerySet:
        """The listed providers that match, as a subquery of keys."""
        providers = Provider.objects.listed()
        if self.provider is not None:
            providers = providers.filter(pk=self.provider)
        if self.service:
            providers = providers.filter(
                pk__in=LegalService.objects.filter(code=self.service).values("provider_id")
            )
        if self.search or self.language or self.point:
            filters = LegalFilters.build(q=self.search, language=self.language, sort="name")
            entries = entries_search(LegalSearchEntry.objects.all(), filters)
            if self.language:
                entries = entries_having(
                    entries, "languages", bit_of(self.language, SpokenLanguage)
                )
            if self.point:
                entries = within_radius(entries, self.point, self.miles)
            if self.search or self.point:
                # The keyword and distance SQL name the entries' table, which a subquery
                # renames: read the matching keys first (one query).
                providers = providers.filter(pk__in=list(entries.values_list("pk", flat=True)))
            else:
                providers = providers.filter(pk__in=entries.values("pk"))
        return providers.values("pk")


def hsds_services(query: HsdsQuery) -> QuerySet[LegalService]:
    """The services of the listed providers matching `query`, in a stable order."""
    services = LegalService.objects.filter(provider__in=query.provider_ids())
    if query.service:
        services = services.filter(code=query.service)
    return services.order_by("provider_id", "pk")


def hsds_services_page(services: QuerySet[LegalService]) -> QuerySet[LegalService]:
    """A page of services with what their HSDS objects read: two queries."""
    return services.select_related("provider__organization").prefetch_related(
        "provider__accreditations"
    )


def hsds_service(provider_pk: int, code: str):
    """A listed provider's service with everything `GET /services/{id}` nests, or None."""
    from apps.legal.hsds import ServiceParts

    query = HsdsQuery(provider=provider_pk, service=code)
    service = hsds_services_page(hsds_services(query)).first()
    if service is None:
        return None, None
    links = hsds_service_at_locations_page(hsds_service_at_locations(query), nested=True)
    phones = list(Phone.objects.filter(provider_id=provider_pk, location=None).order_by("pk"))
    return service, ServiceParts(links=links, phones=phones)


def hsds_organizations(query: HsdsQuery) -> QuerySet[Provider]:
    return (
        Provider.objects.filter(pk__in=query.provider_ids())
        .select_related("organization")
        .order_by("pk")
    )


def hsds_service_at_locations(query: HsdsQuery) -> QuerySet[Location]:
    """Where the matching services are offered: one row per (location, service), the
    location annotated with its service's `service_pk`. A service is offered at the places
    its ServiceAtLocation rows name, or, without any, at every place of its provider."""
    named = ServiceAtLocation.objects.filter(service_id=OuterRef("service_pk"))
    pairs = (
        Location.objects.filter(provider__in=query.provider_ids())
        .annotate(
            service_pk=F("provider__services__pk"), service_code=F("provider__services__code")
        )
        .filter(service_pk__isnull=False)
        .filter(~Exists(named) | Exists(named.filter(location_id=OuterRef("pk"))))
    )
    if query.service:
        pairs = pairs.filter(service_code=query.service)
    return pairs.order_by("provider_id", "service_pk", "pk")


def hsds_service_at_locations_page(pairs, *, nested: bool = False) -> list:
    """Some (location, service) rows as ServiceAt, with what their HSDS objects read (and
    with `nested`, the places' hours and phones): a fixed number of queries."""
    from apps.legal.hsds import ServiceAt

    rows = list(pairs.values_list("pk", "service_pk"))
    locations = Location.objects.select_related("provider")
    if nested:
        locations = locations.prefetch_related(
            "schedules", Prefetch("phones", Phone.objects.order_by("pk"))
        )
    places = locations.in_bulk({location for location, _ in rows})
    services = hsds_services_page(LegalService.objects.all()).in_bulk({s for _, s in rows})
    return [ServiceAt(services[service], places[location]) for location, service in rows]


def hsds_location(pk: int) -> Location | None:
    return (
        Location.objects.filter(pk=pk, provider__in=Provider.objects.listed())
        .select_related("provider")
        .prefetch_related("schedules", Prefetch("phones", Phone.objects.order_by("pk")))
        .first()
    )
