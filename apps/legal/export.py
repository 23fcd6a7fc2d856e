"""The legal help directory as an HSDS 3.0 data package: a zip of one CSV file per HSDS table
and a datapackage.json (Frictionless Data) describing them, of the listed providers only.

It is streamed in constant memory, whatever the size of the directory: each table is read in
chunks (QuerySet.iterator) and written row by row into the standard library's zipfile, which
writes to any object with a write() method (here a buffer emptied after each chunk, handed
to the response). An unseekable output makes zipfile write each member's sizes after its
data (a data descriptor), so nothing is held back until the end. No third-party zip
streamer is needed for that."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from apps.legal import hsds
from apps.legal.models import LegalService, Location, Phone, Provider, Schedule
from apps.legal.selectors import HsdsQuery, hsds_service_at_locations
from apps.legal.vocabulary import ServiceCode

CHUNK = 2_000  # rows read from the database at a time
FLUSH_BYTES = 64 * 1024  # hand the zip's bytes on once this much has been written


@dataclass(frozen=True)
class Table:
    """One CSV file: an HSDS table, its columns and types, and its rows (dicts)."""

    name: str
    fields: tuple[tuple[str, str], ...]  # (column, Frictionless type)
    rows: Callable[[], Iterable[dict]]

    @property
    def columns(self) -> list[str]:
        return [name for name, _type in self.fields]


def _strings(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, "string") for name in names)


def _listed_providers() -> QuerySet[Provider]:
    return Provider.objects.listed()


def _services() -> QuerySet[LegalService]:
    return (
        LegalService.objects.filter(provider__in=_listed_providers())
        .select_related("provider__organization")
        .prefetch_related("provider__accreditations")
        .order_by("provider_id", "pk")
    )


def _locations() -> QuerySet[Location]:
    return (
        Location.objects.filter(provider__in=_listed_providers())
        .select_related("provider")
        .order_by("pk")
    )


def _organizations():
    for provider in (
        _listed_providers().select_related("organization").order_by("pk").iterator(CHUNK)
    ):
        yield hsds.organization_object(provider)


def _each_service(make: Callable[[LegalService], Iterable[dict]]):
    def rows():
        for service in _services().iterator(CHUNK):
            yield from make(service)

    return rows


def _services_at_locations():
    pairs: QuerySet[Any] = hsds_service_at_locations(HsdsQuery())
    # service_code: the pairs' annotation, which the type checker does not know.
    pairs = pairs.values_list("pk", "provider_id", "service_code")
    for location, provider, code in pairs.iterator(CHUNK):
        yield {
            "id": hsds.hsds_id("service_at_location", location, hsds.SERVICE_NUMBERS[code]),
            "service_id": hsds.hsds_id("service", provider, hsds.SERVICE_NUMBERS[code]),
            "location_id": hsds.hsds_id("location", location),
        }


def _each_location(make: Callable[[Location], Iterable[dict]]):
    def rows():
        for location in _locations().iterator(CHUNK):
            yield from make(location)

    return rows


def _phones():
    phones = Phone.objects.filter(provider__in=_listed_providers()).order_by("pk")
    for phone in phones.iterator(CHUNK):
        yield hsds.phone_object(phone)


def _schedules():
    schedules = (
        Schedule.objects.filter(location__provider__in=_listed_providers())
        .select_related("location")
        .order_by("pk")
    )
    for schedule in schedules.iterator(CHUNK):
        yield hsds.schedule_object(schedule)


SERVICE_FIELDS = _strings(
    "id", "organization_id", "name", "description", "url", "email", "status",
    "interpretation_services", "application_process", "fees_description", "accreditations",
    "eligibility_description", "assured_date", "alert", "last_modified",
)  # fmt: skip

TABLES = [
    Table("organization", _strings("id", "name", "alternate_name", "description", "email",
                                   "website", "uri"), _organizations),
    Table("service", SERVICE_FIELDS,
          _each_service(lambda service: [hsds.service_object(service, organization=False)])),
    Table("location", (*_strings("id", "location_type", "organization_id", "name",
                                 "transportation"), ("latitude", "number"),
                       ("longitude", "number")),
          _each_location(lambda location: [hsds.location_object(location)])),
    Table("service_at_location", _strings("id", "service_id", "location_id"),
          _services_at_locations),
    Table("address", _strings("id", "location_id", "address_1", "address_2", "city",
                              "state_province", "postal_code", "country", "address_type"),
          _each_location(lambda location: [hsds.address_object(location)])),
    Table("accessibility", _strings("id", "location_id", "description"),
          _each_location(hsds.accessibility_objects)),
    Table("phone", (*_strings("id", "location_id", "organization_id", "number"),
                    ("extension", "number"), *_strings("type", "description")), _phones),
    Table("schedule", _strings("id", "location_id", "freq", "wkst", "byday", "opens_at",
                               "closes_at", "attending_type", "description", "notes"),
          _schedules),
    Table("language", _strings("id", "service_id", "name", "code"),
          _each_service(lambda service: hsds.language_objects(service.provider.languages,
                                                              service=service))),
    Table("cost_option", (*_strings("id", "service_id", "option", "currency"),
                          ("amount", "number"), *_strings("amount_description")),
          _each_service(hsds.cost_option_objects)),
    Table("taxonomy_term", _strings("id", "code", "name", "description", "taxonomy"),
          lambda: (hsds.taxonomy_term_object(code) for code in ServiceCode.values)),
    Table("attribute", _strings("id", "link_id", "link_type", "link_entity",
                                "taxonomy_term_id"), _each_service(hsds.attribute_objects)),
]  # fmt: skip


def datapackage() -> dict:
    """datapackage.json: the package's tables, their columns and keys (Frictionless)."""
    return {
        "name": "camino-legal-help",
        "title": "Camino legal help directory (HSDS 3.0)",
        "profile": "tabular-data-package",
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": name, "type": kind} for name, kind in table.fields],
                    "primaryKey": "id",
                },
            }
            for table in TABLES
        ],
    }


class _Buffer(io.RawIOBase):
    """A write-only, unseekable file whose bytes are taken away as they are written."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts, self.size = [], 0
        return data


def datapackage_zip() -> Iterator[bytes]:
    """The zip's bytes, a piece at a time (run it in the language the texts should be in)."""
    buffer = _Buffer()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("datapackage.json", json.dumps(datapackage(), indent=2))
        yield buffer.take()
        for table in TABLES:
            with (
                archive.open(f"{table.name}.csv", "w") as member,
                io.TextIOWrapper(member, encoding="utf-8", newline="") as text,
            ):
                writer = csv.DictWriter(text, table.columns, extrasaction="ignore")
                writer.writeheader()
                for row in table.rows():
                    writer.writerow(row)
                    if buffer.size >= FLUSH_BYTES:
                        yield buffer.take()
            yield buffer.take()
    yield buffer.take()
