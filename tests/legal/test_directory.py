"""The legal help directory (/<lang>/legal/): the shared search with the directory's filters,
on PostgreSQL, and its printable list."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.legal.filters import LegalFilters
from apps.legal.selectors import providers_search
from tests.legal.factories import (
    DetentionFacilityFactory,
    LocationFactory,
    ProviderFactory,
    ScheduleFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def names(client, query: str = "", language: str = "en") -> list[str]:
    response = client.get(f"/{language}/legal/?{query}")
    assert response.status_code == 200
    return [provider.name for provider in response.context["providers"]]


def provider(name: str, **fields):
    return ProviderFactory(organization__name=name, **fields)


def test_the_directory_lists_only_public_entries(client):
    provider("Listed")
    provider("Draft", status=PublicationStatus.DRAFT)
    provider("Pending", status=PublicationStatus.PENDING)
    provider("Expired", verified_at=timezone.now() - timedelta(days=400),
             expires_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    original = provider("Original")
    revision = ProviderFactory(organization=original.organization, revision_of=original)
    search_index(revision)
    assert sorted(names(client)) == ["Listed", "Original"]


def test_service_filter_is_any_of_the_services_asked(client):
    provider("Asylum", services=["asylum"])
    provider("Wages", services=["wage_theft", "workplace_injury"])
    provider("Tenants", services=["tenant_rights"])
    assert names(client, "service=wage_theft") == ["Wages"]
    assert names(client, "service=asylum&service=wage_theft") == ["Asylum", "Wages"]


def test_language_filter_includes_indigenous_languages(client):
    provider("Spanish", languages=["es"])
    provider("Mam", languages=["es", "mam"])
    assert names(client, "language=mam") == ["Mam"]
    assert names(client, "language=es") == ["Mam", "Spanish"]


def test_cost_and_type_filters_are_repeatable(client):
    provider("Free aid", cost="free", provider_type="legal_aid")
    provider("Sliding clinic", cost="sliding_scale", provider_type="law_school_clinic")
    provider("Lawyer", cost="low_fee", fee_amount=75, provider_type="private_attorney")
    assert names(client, "cost=free&cost=low_fee") == ["Free aid", "Lawyer"]
    assert names(client, "type=law_school_clinic&type=private_attorney") == [
        "Lawyer", "Sliding clinic",
    ]  # fmt: skip
    assert names(client, "cost=free&type=private_attorney") == []


def test_new_cases_filter(client):
    provider("Open", accepting_new_cases=True)
    provider("Full", accepting_new_cases=False)
    assert names(client, "new_cases=1") == ["Open"]


def test_facility_filter(client):
    broadview, krome = DetentionFacilityFactory(), DetentionFacilityFactory()
    visits = provider("Visits")
    visits.detention_facilities.set([broadview])
    provider("Office only")
    assert names(client, f"facility={broadview.pk}") == ["Visits"]
    assert names(client, f"facility={krome.pk}") == []


def walk_in(name: str, zone: str, weekday: int):
    entry = provider(name, zip_code=False)
    location = LocationFactory(provider=entry, time_zone=zone)
    ScheduleFactory(location=location, weekday=weekday, attending_type="walk_in")
    ScheduleFactory(location=location, weekday=weekday % 7 + 1, attending_type="appointment")
    search_index(entry)


def test_walk_in_today_is_today_in_each_places_own_time_zone():
    # Tuesday 8 December 2026, 06:00 UTC: 1 a.m. Tuesday in New York, still 10 p.m. Monday in
    # Los Angeles.
    now = datetime(2026, 12, 8, 6, 0, tzinfo=UTC)
    walk_in("New York Tuesday", "America/New_York", 2)
    walk_in("New York Monday", "America/New_York", 1)
    walk_in("Los Angeles Monday", "America/Los_Angeles", 1)
    walk_in("Los Angeles Tuesday", "America/Los_Angeles", 2)
    filters = LegalFilters.build(walk_in_today=True)
    found = {entry.provider.name for entry in providers_search(filters, now)}
    assert found == {"New York Tuesday", "Los Angeles Monday"}


def test_walk_in_today_on_the_page(client):
    today = timezone.localdate().isoweekday()
    walk_in("Walk in today", "America/Chicago", today)
    walk_in("Walk in tomorrow", "America/Chicago", today % 7 + 1)
    assert names(client, "walk_in_today=1") == ["Walk in today"]


def test_zip_and_radius_and_nearest_first(client):
    provider("Pilsen", zip_code="60608")
    provider("Evanston", zip_code="60201")
    provider("Houston", zip_code="77036")
    # Nearest first when a ZIP code is given, within the radius.
    assert names(client, "zip=60623&radius=25") == ["Pilsen", "Evanston"]
    assert names(client, "zip=60623&radius=5") == ["Pilsen"]
    page = client.get("/en/legal/?zip=60623").content.decode()
    assert "mi away" in page
    # The form as first shown asks for no order: searching with a ZIP code is nearest first.
    assert names(client, "zip=60201&sort=") == ["Evanston", "Pilsen"]
    assert '<option value="" selected>' in client.get("/en/legal/").content.decode()


def test_name_and_verified_sorts(client):
    now = timezone.now()
    provider("Beta", verified_at=now - timedelta(days=3))
    provider("Alpha", verified_at=now - timedelta(days=90))
    provider("Gamma", verified_at=now - timedelta(days=1))
    assert names(client) == ["Alpha", "Beta", "Gamma"]
    assert names(client, "sort=verified") == ["Gamma", "Beta", "Alpha"]
    # Nearest needs a ZIP code: without one, the default order.
    assert names(client, "sort=distance") == ["Alpha", "Beta", "Gamma"]


def test_keywords_match_in_either_language_best_first(client):
    provider("Workers", description_es="También ayudamos con asilos.", description_en="Wages.")
    provider("Centro de Asilo", description_es="Ayuda legal.")
    provider("Tenants", description_es="Desalojos.", description_en="Evictions.")
    # Stemmed in Spanish ("asilos" is "asilo"); a match in the name ranks first.
    assert names(client, "q=asilo") == ["Centro de Asilo", "Workers"]
    assert names(client, "q=evictions") == ["Tenants"]
    # Other names people know it by are found too.
    provider("Sant Ed", alternate_name="Haitian Legal Center")
    assert names(client, "q=haitian") == ["Sant Ed"]


def test_bad_filters_are_reported_and_the_rest_still_apply(client):
    provider("Free aid", cost="free")
    provider("Lawyer", cost="full_fee", provider_type="private_attorney")
    response = client.get(
        "/en/legal/?cost=free&facility=abc&radius=9999&type=unicorn&zip=00000&service=x&page=z"
    )
    assert response.status_code == 200
    assert [p.name for p in response.context["providers"]] == ["Free aid"]
    page = response.content.decode()
    assert "We do not know the ZIP code 00000" in page
    assert 'value="00000"' in page  # what the visitor typed stays in the form


def test_cards_say_what_a_seeker_decides_on(client):
    provider("Centro Legal", services=["asylum", "tps"], languages=["es", "quc"], cost="low_fee",
             fee_amount=40, accepting_new_cases=False)  # fmt: skip
    page = client.get("/en/legal/").content.decode()
    assert "Centro Legal" in page and "Low fee: $40" in page
    assert "Not taking new cases right now" in page
    assert "Asylum" in page and "K&#x27;iche&#x27;" in page
    assert "Verified by Camino staff on" in page
    assert 'href="/en/legal/notarios/"' in page  # the notario warning


def test_cards_give_the_verification_day_in_the_pages_language(client):
    # the day's words are kept per day and language: one language's never reach the other
    provider("Centro Legal", verified_at=datetime(2026, 10, 31, 15, tzinfo=UTC))
    spanish = client.get("/es/legal/").content.decode()
    english = client.get("/en/legal/").content.decode()
    assert "Verificado por el equipo de Camino el 31 de octubre de 2026" in spanish
    assert "Verified by Camino staff on Oct. 31, 2026" in english


def test_cards_name_the_first_place_and_the_first_services_in_their_order(client):
    entry = provider("Centro Legal", services=["wage_theft", "asylum", "tps", "u_visa", "vawa",
                                               "naturalization"])  # fmt: skip
    LocationFactory(provider=entry, city="Aurora")
    LocationFactory(provider=entry, city="Joliet")
    page = client.get("/es/legal/").content.decode()
    assert "<li>Chicago, IL (y 2 lugares más)</li>" in page
    assert (
        "<li>Ayuda con: Salarios no pagados y derechos laborales, Asilo, TPS (Estatus de "
        "Protección Temporal), Visa U (víctimas de delitos), 2 más</li>"
    ) in page


def test_cards_show_the_description_up_to_200_characters(client):
    provider("Corto", description_es="Ayuda legal gratuita.")
    provider("Largo", description_es="Ayuda legal gratuita para inmigrantes. " * 10)
    page = client.get("/es/legal/").content.decode()
    assert '<p lang="es">Ayuda legal gratuita.</p>' in page
    cut = ("Ayuda legal gratuita para inmigrantes. " * 10)[:199] + "…"
    assert f'<p lang="es">{cut}</p>' in page


def test_the_printable_list_has_phones_places_and_hours(client):
    entry = provider("Centro Legal")
    location = entry.locations.get()
    ScheduleFactory(location=location, weekday=2, attending_type="walk_in")
    entry.phones.create(number="3125550111", type="voice")
    page = client.get("/es/legal/?view=print&cost=free").content.decode()
    assert "Centro Legal" in page and 'href="tel:+13125550111"' in page
    assert "2708 S Pulaski Rd" in page and "Martes" in page and "Sin cita" in page
    assert 'class="print-list"' in page and "provider-card" not in page
