"""Camino's HSDS API and data package validate against HSDS 3.0's own compiled JSON Schemas
(tests/legal/hsds/, CC BY-SA 4.0, see its README): what an HSDS client reads is HSDS."""

import csv
import io
import json
import zipfile
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from apps.legal import hsds
from tests.legal.factories import (
    AccreditationFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SCHEMAS = Path(__file__).parent / "hsds"


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text())


def part(name: str, *path: str) -> dict:
    """A nested object's schema inside a compiled schema: the items of arrays followed."""
    found = schema(name)
    for key in path:
        found = found["properties"][key]
        if found.get("type") == "array":
            found = found["items"]
    return found


def assert_valid(instance: dict, against: dict) -> None:
    errors = sorted(
        Draft202012Validator(against, format_checker=FormatChecker()).iter_errors(instance),
        key=str,
    )
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors
    )


@pytest.fixture
def directory():
    """Two providers with everything HSDS can show: places, hours, phones, languages, fees
    and accreditations, and text in both languages."""
    first = ProviderFactory(services=["asylum", "wage_theft"], languages=["es", "en", "mam"],
                            cost="low_fee", fee_amount=20, email="help@example.org",
                            website="https://example.org", alternate_name="CLX",
                            interpretation_services="Any language by phone")  # fmt: skip
    place = first.locations.get()
    place.accessibility_en = "Step-free entrance"
    place.save()
    second_place = LocationFactory(provider=first, name="", address_2="Suite 2")
    for location in [place, second_place]:
        ScheduleFactory(location=location, weekday=1)
        ScheduleFactory(location=location, weekday=6, attending_type="walk_in")
        PhoneFactory(provider=first, location=location, extension="7")
    PhoneFactory(provider=first, type="hotline")
    AccreditationFactory(provider=first)
    AccreditationFactory(provider=first, kind="bar_admission", bar_state="IL",
                         bar_number="6301234", expires_on=None)  # fmt: skip
    second = ProviderFactory(services=["tps"], accepting_new_cases=False, verified_at=None)
    return first, second


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("services", "service_list"),
        ("organizations", "organization_list"),
        ("service_at_locations", "service_at_location_list"),
    ],
)
@pytest.mark.parametrize("language", ["es", "en"])
def test_list_items_are_hsds(client, directory, path, name, language):
    page = client.get(f"/api/hsds/{path}?lang={language}").json()
    assert page["contents"]
    for item in page["contents"]:
        assert_valid(item, schema(name))


def test_the_nested_service_is_hsds(client, directory):
    first, second = directory
    for service in [*first.services.all(), *second.services.all()]:
        data = client.get(f"/api/hsds/services/{hsds.service_id(service)}").json()
        assert_valid(data, schema("service"))
    assert data["alert"]  # the second is not accepting new cases


def test_the_nested_service_at_location_and_location_are_hsds(client, directory):
    first, _second = directory
    service = first.services.first()
    for location in first.locations.all():
        link = hsds.ServiceAt(service, location)
        data = client.get(f"/api/hsds/service_at_locations/{link.id}").json()
        assert_valid(data, schema("service_at_location"))
        place = client.get(f"/api/hsds/locations/{hsds.hsds_id('location', location.pk)}")
        assert_valid(place.json(), part("service_at_location", "location"))


# Each CSV file of the data package, and the schema its rows validate against.
TABLE_SCHEMAS = {
    "organization": ("organization_list",),
    "service": ("service_list",),
    "location": ("service_at_location_list", "location"),
    "service_at_location": ("service_at_location_list",),
    "address": ("service_at_location", "location", "addresses"),
    "accessibility": ("service_at_location", "location", "accessibility"),
    "phone": ("service", "phones"),
    "schedule": ("service", "schedules"),
    "language": ("service", "languages"),
    "cost_option": ("service", "cost_options"),
    "attribute": ("service", "attributes"),
    "taxonomy_term": ("service", "attributes", "taxonomy_term"),
}


def typed(row: dict, fields: list[dict]) -> dict:
    """A CSV row as the JSON object it stands for: numbers as numbers, empty cells absent."""
    kinds = {field["name"]: field["type"] for field in fields}
    return {
        name: float(value) if kinds[name] == "number" else value
        for name, value in row.items()
        if value != ""
    }


def test_the_data_package_is_hsds(client, directory):
    response = client.get("/api/hsds/datapackage.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert {resource["name"] for resource in descriptor["resources"]} == set(TABLE_SCHEMAS)
    for resource in descriptor["resources"]:
        table_schema = part(*TABLE_SCHEMAS[resource["name"]])
        fields = resource["schema"]["fields"]
        # Every column is a field of HSDS's table, with HSDS's type.
        for field in fields:
            hsds_field = table_schema["properties"][field["name"]]
            assert hsds_field["type"] == field["type"], (resource["name"], field["name"])
        rows = list(csv.DictReader(io.TextIOWrapper(archive.open(resource["path"]), "utf-8")))
        assert rows, resource["name"]
        for row in rows:
            assert_valid(typed(row, fields), table_schema)
