"""The legal help directory in Chromium at phone width, in Spanish and English: a seeker
filters by what they need and their ZIP code, opens a provider and finds its hours and a
phone to call; every page passes the accessibility check. (The full journey comes later.)"""

import re
from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.core.indexing import search_index
from tests.legal.factories import (
    AccreditationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "es": {"zip": "Cerca del código postal", "needs": "Con qué necesita ayuda",
           "service": "Salarios no pagados y derechos laborales", "search": "Buscar",
           "found": "Se encontró 1 proveedor", "hours": "Horario de atención, empezando por hoy",
           "print": "Lista para imprimir"},
    "en": {"zip": "Near ZIP code", "needs": "What you need help with",
           "service": "Unpaid wages and labor rights", "search": "Search",
           "found": "1 provider found", "hours": "Opening hours, today first",
           "print": "Printable list"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_finds_help_with_unpaid_wages_near_them(page, journey, lang):
    wanted = ProviderFactory(
        organization__name="Centro de Trabajadores Unidos", services=["wage_theft", "kyr_training"],
        languages=["es", "en", "mam"], walk_in=True, zip_code="60609",
        description_es="Ayudamos a cobrar salarios no pagados.",
        description_en="We help you collect unpaid wages.",
    )  # fmt: skip
    ScheduleFactory(location=wanted.locations.get(), weekday=timezone.localdate().isoweekday(),
                    opens_at=time(0), closes_at=time(23, 59), attending_type="walk_in")  # fmt: skip
    PhoneFactory(provider=wanted, number="7735550123", type="hotline")
    AccreditationFactory(provider=wanted, person_name="Guadalupe Herrera")
    search_index(wanted)
    ProviderFactory(organization__name="Clínica de Asilo", services=["asylum"], zip_code="60611")
    ProviderFactory(organization__name="Houston Wages", services=["wage_theft"], zip_code="77036")
    words = LABELS[lang]

    page.goto(f"/{lang}/legal/")
    journey.visit(f"directory {lang}")
    page.get_by_label(re.compile(rf"^{words['zip']}")).fill("60623")
    page.get_by_text(words["needs"]).click()
    page.get_by_label(words["service"]).check()
    page.get_by_role("button", name=words["search"], exact=True).click()
    expect(page.get_by_role("heading", name=words["found"])).to_be_visible()
    journey.visit(f"directory filtered {lang}")

    page.get_by_role("link", name="Centro de Trabajadores Unidos").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Centro de Trabajadores Unidos")
    expect(page.locator("caption")).to_have_text(words["hours"])
    expect(page.locator('a[href="tel:+17735550123"]')).to_be_visible()
    journey.visit(f"provider {lang}")

    page.go_back()
    page.get_by_role("link", name=re.compile(words["print"])).click()
    expect(page.locator(".print-list h2")).to_have_text(["Centro de Trabajadores Unidos"])
    journey.visit(f"printable {lang}")
