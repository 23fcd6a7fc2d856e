"""The legal help directory in Chromium at phone width, in Spanish and English: a seeker
filters by what they need and their ZIP code, opens a provider and finds its hours and a
phone to call, and the journey of the issue from the guided entry to the notario warning;
every page passes the accessibility check."""

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


SEEKER_WORDS = {
    "es": {"question": "No me pagaron por mi trabajo", "zip": "Cerca del código postal",
           "radius": "A no más de (millas)", "free": "Gratis", "language": "Idioma que se habla",
           "spanish": "español", "search": "Buscar", "found": "Se encontró 1 proveedor",
           "more": "Más filtros", "today": "(hoy)", "opens": "09:00–17:00",
           "verified": "Verificado por última vez el",
           "warning": "Señales de alerta y dónde denunciar un fraude",
           "warning_title": "Evite el fraude de los notarios"},
    "en": {"question": "I was not paid for my work", "zip": "Near ZIP code",
           "radius": "Within (miles)", "free": "Free", "language": "Language spoken",
           "spanish": "Spanish", "search": "Search", "found": "1 provider found",
           "more": "More filters", "today": "(today)", "opens": "9 a.m.–5 p.m.",
           "verified": "Last verified on",
           "warning": "Warning signs and where to report fraud",
           "warning_title": "Avoid notario fraud"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_who_was_not_paid_finds_free_help_in_spanish_nearby(page, journey, lang):
    """The issue's journey: a plain question, then free help within 25 miles that speaks
    Spanish, a provider's hours today and when staff verified it, and the notario warning."""
    wanted = ProviderFactory(
        organization__name="Centro de Trabajadores Unidos", services=["wage_theft"],
        languages=["es", "en"], cost="free", zip_code="60609",
    )  # fmt: skip
    ScheduleFactory(location=wanted.locations.get(), weekday=timezone.localdate().isoweekday(),
                    opens_at=time(9), closes_at=time(17), attending_type="walk_in")  # fmt: skip
    search_index(wanted)
    # Each one fails one of the filters: a fee, English only, too far, another service.
    ProviderFactory(organization__name="Abogados Laborales", services=["wage_theft"],
                    cost="full_fee", zip_code="60608")  # fmt: skip
    ProviderFactory(organization__name="Wage Clinic", services=["wage_theft"], languages=["en"],
                    zip_code="60608")  # fmt: skip
    ProviderFactory(organization__name="Houston Wages", services=["wage_theft"], zip_code="77036")
    ProviderFactory(organization__name="Clínica de Asilo", services=["asylum"], zip_code="60611")
    words = SEEKER_WORDS[lang]

    page.goto(f"/{lang}/legal/help/")
    journey.visit(f"guided entry {lang}")
    page.get_by_role("link", name=words["question"]).click()
    page.get_by_label(re.compile(rf"^{words['zip']}")).fill("60623")
    page.get_by_label(re.compile(rf"^{re.escape(words['radius'])}")).fill("25")
    page.get_by_text(words["more"]).click()
    page.get_by_label(words["free"], exact=True).check()
    page.get_by_label(words["language"]).select_option(label=words["spanish"])
    page.get_by_role("button", name=words["search"], exact=True).click()
    expect(page.get_by_role("heading", name=words["found"])).to_be_visible()
    assert "service=wage_theft" in page.url and "cost=free" in page.url
    journey.visit(f"directory free spanish nearby {lang}")

    page.get_by_role("link", name="Centro de Trabajadores Unidos").click()
    expect(page.locator(".hours__today th")).to_contain_text(words["today"])
    expect(page.locator(".hours__today td")).to_contain_text(words["opens"])
    expect(page.locator(".provider__verified")).to_contain_text(words["verified"])
    journey.visit(f"provider {lang}")

    page.get_by_role("link", name=words["warning"]).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["warning_title"])
    journey.visit(f"notario warning {lang}")
