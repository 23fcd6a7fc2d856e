"""A provider's page (/<lang>/legal/providers/<pk>/): what a seeker needs to get help, the
accreditations staff checked, and who else may see an entry that is not public."""

import json
import re
from datetime import UTC, datetime, time, timedelta

import pytest
from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.legal.hours import place_hours
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import (
    AccreditationFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def page_of(client, provider, language: str = "en"):
    return client.get(f"/{language}/legal/providers/{provider.pk}/")


def test_the_page_says_how_to_get_help(client):
    provider = ProviderFactory(
        organization__name="Centro Legal Pilsen", alternate_name="CLP, Pilsen Legal Center",
        services=["daca_renewal", "wage_theft"], languages=["es", "quc"], cost="low_fee",
        fee_amount=35, walk_in=True, by_phone=True, accepting_new_cases=True,
        application_process_en="Walk in on Tuesday mornings.",
        verified_what=["address", "phones", "hours"],
    )  # fmt: skip
    PhoneFactory(provider=provider, number="3125550111", extension="12")
    page = page_of(client, provider).content.decode()
    for text in (
        "Centro Legal Pilsen", "Also known as: CLP, Pilsen Legal Center", "DACA: renewal",
        "Unpaid wages and labor rights", "K&#x27;iche&#x27;", "Low fee: $35",
        "Accepting new cases", "Walk-ins welcome", "By phone", "Walk in on Tuesday mornings.",
        '<a href="tel:+13125550111;ext=12">(312) 555-0111 ext. 12</a>',
        "Last verified on", "by Camino staff: address, phone numbers, opening hours.",
        'href="/en/legal/notarios/"',
    ):  # fmt: skip
        assert text in page, text


def test_hours_start_today_in_the_places_own_time_zone():
    location = LocationFactory(time_zone="America/Los_Angeles")
    ScheduleFactory(location=location, weekday=1, opens_at=time(9), closes_at=time(17))
    ScheduleFactory(location=location, weekday=2, opens_at=time(9), closes_at=time(12))
    # Tuesday 06:00 UTC is still Monday, 10 p.m., in Los Angeles: closed, Monday first.
    hours = place_hours(location, datetime(2026, 12, 8, 6, 0, tzinfo=UTC))
    assert [day.weekday for day in hours.days] == [1, 2, 3, 4, 5, 6, 7]
    assert hours.days[0].is_today and not hours.open_now
    # Tuesday 18:00 UTC is 10 a.m. there: open, Tuesday first, Monday last.
    hours = place_hours(location, datetime(2026, 12, 8, 18, 0, tzinfo=UTC))
    assert [day.weekday for day in hours.days][:2] == [2, 3] and hours.days[-1].weekday == 1
    assert hours.open_now


def test_the_page_shows_open_or_closed_now(client):
    provider = ProviderFactory()
    location = provider.locations.get()
    now = timezone.localtime()
    ScheduleFactory(location=location, weekday=now.isoweekday(), opens_at=time(0),
                    closes_at=time(23, 59), attending_type="walk_in")  # fmt: skip
    page = page_of(client, provider).content.decode()
    assert "Open now" in page and "(today)" in page and "Walk-in" in page


def test_accreditations_show_their_source_and_date_and_an_expired_one_is_flagged(client):
    provider = ProviderFactory()
    AccreditationFactory(provider=provider, person_name="Guadalupe Herrera",
                         source_url="https://www.justice.gov/eoir/roster")  # fmt: skip
    AccreditationFactory(provider=provider, person_name="Samir Haddad",
                         expires_on=timezone.localdate() - timedelta(days=30))  # fmt: skip
    page = page_of(client, provider).content.decode()
    assert "Guadalupe Herrera" in page and "Accredited until" in page
    assert 'href="https://www.justice.gov/eoir/roster"' in page
    assert "DOJ EOIR roster of recognized organizations" in page
    assert "Samir Haddad" in page and "Accreditation expired on" in page
    assert "For staff:" not in page  # the warning is for staff
    client.force_login(CuratorFactory())
    staff_page = page_of(client, provider).content.decode()
    assert "accreditation has expired" in staff_page


def test_json_ld_is_a_legal_service_and_cannot_close_its_script(client):
    provider = ProviderFactory(
        organization__name="Centro </script><script>alert(1)</script>",
        description_en="Free help & more",
    )  # fmt: skip
    PhoneFactory(provider=provider, number="3125550111")
    page = page_of(client, provider).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert script is not None
    assert "</script><script>alert" not in page
    data = json.loads(script.group(1))
    assert data["@type"] == "LegalService"
    assert data["name"] == "Centro </script><script>alert(1)</script>"
    assert data["telephone"] == "+13125550111"
    assert data["address"][0]["postalCode"] == "60623"
    assert data["knowsLanguage"] == ["es", "en"]


@pytest.mark.parametrize(
    "state",
    [
        {"status": PublicationStatus.DRAFT},
        {"status": PublicationStatus.PENDING},
        {"status": PublicationStatus.REJECTED},
        {"expires_on": "past"},
        {"revision": True},
    ],
)
def test_an_entry_that_is_not_public_is_for_its_organization_and_staff(client, state):
    if state.get("revision"):
        original = ProviderFactory()
        provider = ProviderFactory(organization=original.organization, revision_of=original,
                                   status=PublicationStatus.DRAFT)  # fmt: skip
    elif state.get("expires_on"):
        provider = ProviderFactory(expires_on=timezone.localdate() - timedelta(days=1))
    else:
        provider = ProviderFactory(**state)
    assert page_of(client, provider).status_code == 404
    client.force_login(UserFactory())
    assert page_of(client, provider).status_code == 404
    client.force_login(MembershipFactory(organization=provider.organization).user)
    response = page_of(client, provider)
    assert response.status_code == 200
    assert "application/ld+json" not in response.content.decode()
    client.force_login(CuratorFactory())
    assert page_of(client, provider).status_code == 200


def test_an_unknown_provider_is_a_404(client):
    assert client.get("/en/legal/providers/999999/").status_code == 404
    assert client.get("/en/legal/providers/abc/").status_code == 404


def test_the_page_in_spanish(client):
    provider = ProviderFactory(walk_in=True)
    page = page_of(client, provider, "es").content.decode()
    assert "Cómo recibir ayuda" in page and "Llame para hacer una cita." in page
    assert "Asilo" in page and "Acepta casos nuevos" in page
