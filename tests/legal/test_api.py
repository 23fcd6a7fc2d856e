"""The HSDS open data API, /api/hsds/: only the listed directory, HSDS's page envelope and
filters plus Camino's, clean 400s for what it cannot use, stable ids, and a fixed number of
queries per page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.legal import hsds
from apps.legal.models import LegalService, ServiceAtLocation
from tests.legal.factories import (
    AccreditationFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def provider(name: str, **fields):
    return ProviderFactory(organization__name=name, **fields)


def contents(client, path: str, query: str = "") -> list[dict]:
    response = client.get(f"/api/hsds/{path}?{query}")
    assert response.status_code == 200, response.content
    return response.json()["contents"]


def service_names(client, query: str = "") -> list[str]:
    return sorted(
        f"{item['organization']['name']}: {item['name']}"
        for item in contents(client, "services", f"lang=en&{query}")
    )


def unlisted_providers():
    """A draft, a pending entry, an expired one and a revision of a listed one."""
    provider("Draft", status=PublicationStatus.DRAFT)
    provider("Pending", status=PublicationStatus.PENDING)
    provider("Expired", verified_at=timezone.now() - timedelta(days=400),
             expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    original = provider("Original")
    ProviderFactory(organization=original.organization, revision_of=original,
                    services=["asylum", "tps"])  # fmt: skip


def test_only_the_listed_directory_is_in_the_api(client):
    provider("Listed")
    unlisted_providers()
    assert service_names(client) == ["Listed: Asylum", "Original: Asylum"]
    organizations = [item["name"] for item in contents(client, "organizations")]
    assert sorted(organizations) == ["Listed", "Original"]
    places = contents(client, "service_at_locations")
    assert sorted(item["service"]["organization"]["name"] for item in places) == [
        "Listed", "Original"
    ]  # fmt: skip


def test_unlisted_entries_are_not_found_by_id(client):
    draft = provider("Draft", status=PublicationStatus.DRAFT)
    original = provider("Original")
    revision = ProviderFactory(organization=original.organization, revision_of=original,
                               services=["tps"])  # fmt: skip
    for entry, code in [(draft, "asylum"), (revision, "tps")]:
        service = entry.services.get(code=code)
        location = entry.locations.get()
        for url in [
            f"services/{hsds.service_id(service)}",
            f"organizations/{hsds.hsds_id('organization', entry.pk)}",
            f"locations/{hsds.hsds_id('location', location.pk)}",
            f"service_at_locations/{hsds.ServiceAt(service, location).id}",
        ]:
            response = client.get(f"/api/hsds/{url}")
            assert response.status_code == 404, url
            assert response.json()["error"] == "not_found"


def test_the_list_is_hsds_paginated(client):
    for n in range(3):
        provider(f"Provider {n}", services=["asylum", "tps"])
    response = client.get("/api/hsds/services?per_page=4&page=2")
    page = response.json()
    assert {key: page[key] for key in page if key != "contents"} == {
        "total_items": 6, "total_pages": 2, "page_number": 2, "size": 2, "per_page": 4,
        "first_page": False, "last_page": True, "empty": False,
    }  # fmt: skip
    assert len(page["contents"]) == 2


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("service=visa", "service"),
        ("language=klingon", "language"),
        ("taxonomy_term_id=asylum", "taxonomy_term_id"),
        ("organization_id=12", "organization_id"),
        ("postcode=00000", "postcode"),
        ("postcode=60623&proximity=far", "proximity"),
        ("postcode=60623&proximity=10", "proximity"),  # 10 meters: less than a mile
        ("proximity=5000", "postcode"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        (f"page={10**30}", "page"),
        ("per_page=0", "per_page"),
        ("per_page=101", "per_page"),
        ("per_page=1e3", "per_page"),
        ("format=ndjson", "format"),
    ],
)
def test_what_the_api_cannot_use_is_a_clean_400(client, query, parameter):
    provider("Listed")
    for path in ["services", "organizations", "service_at_locations"]:
        response = client.get(f"/api/hsds/{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert response["Content-Type"] == "application/json"
        assert response.json()["parameter"] == parameter
        assert response.json()["detail"]


def test_a_page_past_the_last_is_empty(client):
    provider("Listed")
    page = client.get(f"/api/hsds/services?page={10**9}").json()
    assert page["contents"] == [] and page["empty"] and page["last_page"]
    assert page["total_items"] == 1 and page["total_pages"] == 1


def test_filters(client):
    provider("Asylum", services=["asylum"], languages=["es", "mam"])
    provider("Wages", services=["wage_theft", "workplace_injury"], languages=["en"])
    provider("Far", services=["asylum"], zip_code="90012")  # Los Angeles
    assert service_names(client, "service=wage_theft") == ["Wages: Unpaid wages and labor rights"]
    term = hsds.taxonomy_term_id("asylum")
    assert service_names(client, f"taxonomy_term_id={term}") == ["Asylum: Asylum", "Far: Asylum"]
    assert service_names(client, f"taxonomy_term_id={term}&service=tps") == []
    assert service_names(client, "language=mam") == ["Asylum: Asylum"]
    assert service_names(client, "search=wages") == [
        "Wages: Injuries at work", "Wages: Unpaid wages and labor rights"
    ]  # fmt: skip
    # HSDS's proximity is in meters (40 km: Chicago, not Los Angeles); Camino's radius in miles.
    near = service_names(client, "postcode=60608&proximity=40000&service=asylum")
    assert near == ["Asylum: Asylum"]
    assert service_names(client, "postcode=60608&radius=1&service=asylum") == []  # 3 miles
    assert service_names(client, "postcode=60608&radius=5&service=asylum") == ["Asylum: Asylum"]
    wages = ProviderFactory._meta.model.objects.get(organization__name="Wages")
    organization = hsds.hsds_id("organization", wages.pk)
    assert len(contents(client, "services", f"organization_id={organization}")) == 2
    assert [item["name"] for item in contents(client, "organizations", "service=asylum")] == [
        "Asylum", "Far"
    ]  # fmt: skip


def test_a_service_is_at_every_place_unless_some_are_named(client):
    entry = provider("Two places", services=["asylum", "tps"])
    first = entry.locations.get()
    second = LocationFactory(provider=entry, name="Second")
    ServiceAtLocation.objects.create(service=entry.services.get(code="tps"), location=second)
    pairs = sorted(
        (item["service"]["name"], item["location"]["name"])
        for item in contents(client, "service_at_locations", "lang=en")
    )
    assert pairs == [
        ("Asylum", first.name),
        ("Asylum", "Second"),
        ("TPS (Temporary Protected Status)", "Second"),
    ]


def test_the_nested_service(client):
    entry = provider("Nested", services=["asylum"], cost="low_fee", fee_amount=25,
                     languages=["es", "quc"])  # fmt: skip
    place = entry.locations.get()
    ScheduleFactory(location=place, weekday=2, attending_type="walk_in")
    PhoneFactory(provider=entry, location=place, number="3125550101", extension="12")
    PhoneFactory(provider=entry, number="3125550100")
    AccreditationFactory(provider=entry, person_name="Rosa Díaz")
    service = entry.services.get()
    data = client.get(f"/api/hsds/services/{hsds.service_id(service)}?lang=en").json()
    assert data["organization"]["name"] == "Nested"
    assert data["accreditations"] == "DOJ accredited representative: Rosa Díaz"
    assert [phone["number"] for phone in data["phones"]] == ["(312) 555-0100"]
    [link] = data["service_at_locations"]
    assert link["location"]["addresses"][0]["postal_code"] == place.zip_code
    assert link["phones"][0]["extension"] == 12
    assert link["schedules"][0] | {"id": ""} == link["schedules"][0] | {
        "id": "", "byday": "TU", "opens_at": "09:00", "closes_at": "17:00",
        "attending_type": "walk in",
    }  # fmt: skip
    assert [language["code"] for language in data["languages"]] == ["es", "quc"]
    assert data["cost_options"][0]["amount"] == 25.0
    assert data["attributes"][0]["taxonomy_term"]["code"] == "asylum"


def test_partner_text_is_plain_text_in_the_language_asked(client):
    provider("Plain", description_en="<b>Tom & Jerry</b> help", description_es="Ayuda <i>")
    [english] = contents(client, "services", "lang=en")
    assert english["description"] == "<b>Tom & Jerry</b> help"
    [spanish] = contents(client, "services")  # the site's language by default
    assert spanish["description"] == "Ayuda <i>" and spanish["name"] == "Asilo"


def test_ids_are_stable_uuids(client):
    entry = provider("Stable", services=["asylum"])
    [before] = contents(client, "services")
    # A published revision writes the services again: new rows, the same ids.
    LegalService.objects.filter(provider=entry).delete()
    LegalService.objects.create(provider=entry, code="asylum")
    [after] = contents(client, "services")
    assert before["id"] == after["id"] == hsds.service_id(entry.services.get())
    assert hsds.service_key(after["id"]) == (entry.pk, "asylum")
    assert hsds.hsds_key("location", after["id"]) is None  # not a location's id


def test_open_to_any_origin_and_cacheable(client):
    provider("Listed")
    response = client.get("/api/hsds/services")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"
    assert client.post("/api/hsds/services").status_code == 405
    root = client.get("/api/hsds/").json()
    assert root["version"] == "3.0"


def test_a_page_of_services_runs_a_fixed_number_of_queries(client, assert_query_count):
    def grow(count: int) -> None:
        for _ in range(count):
            entry = provider_with_everything()
            AccreditationFactory(provider=entry)

    assert_query_count("/api/hsds/services?per_page=50", 3, grow)
    assert_query_count("/api/hsds/services?per_page=50&search=legal&postcode=60623", 4, grow)
    assert_query_count("/api/hsds/service_at_locations?per_page=50", 5, grow)
    assert_query_count("/api/hsds/organizations?per_page=50&language=es", 2, grow)


def provider_with_everything():
    entry = ProviderFactory(services=["asylum", "tps", "wage_theft"])
    for place in [entry.locations.get(), LocationFactory(provider=entry)]:
        ScheduleFactory(location=place)
        PhoneFactory(provider=entry, location=place)
    PhoneFactory(provider=entry)
    AccreditationFactory(provider=entry)
    return entry


@pytest.mark.parametrize(
    ("path", "expected"), [("services", 9), ("service_at_locations", 6), ("organizations", 5)]
)
def test_one_object_runs_a_fixed_number_of_queries(client, assert_query_count, path, expected):
    entry = provider_with_everything()
    service = entry.services.get(code="tps")
    ids = {
        "services": hsds.service_id(service),
        "service_at_locations": hsds.ServiceAt(service, entry.locations.first()).id,
        "organizations": hsds.hsds_id("organization", entry.pk),
    }

    def grow(count: int) -> None:
        for _ in range(count):
            place = LocationFactory(provider=entry)
            ScheduleFactory(location=place)
            PhoneFactory(provider=entry, location=place)
            PhoneFactory(provider=entry)
            AccreditationFactory(provider=entry)

    assert_query_count(f"/api/hsds/{path}/{ids[path]}", expected, grow)
