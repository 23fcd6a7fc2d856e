"""Trainings in Chromium at phone width, in Spanish and English: a partner offers a training
that starts next month, staff publish it, and a seeker finds it near their ZIP code among
the trainings that start within 30 days."""

import re

import pytest
from playwright.sync_api import expect

from apps.certifications.models import Training
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import field, sign_in, sign_out
from tests.certifications.factories import TrainingFactory, next_month_start
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "es": {
        "title": "Título en español", "summary": "Resumen en español", "kind": "Tipo de trabajo",
        "format": "Formato", "cost": "Costo en dólares", "place": "Lugar",
        "address": "Dirección", "city": "Ciudad", "state": "Estado",
        "zip_code": "Código postal (ZIP)", "save": "Guardar borrador",
        "saved": "Guardado como borrador", "submit": "Enviar a revisión", "publish": "Publicar",
        "zip": "Cerca del código postal", "within": "Empieza dentro de", "search": "Buscar",
        "found": "Se encontró 1 capacitación", "starts": "Fechas de inicio",
    },
    "en": {
        "title": "Title in Spanish", "summary": "Summary in Spanish", "kind": "Kind of work",
        "format": "Format", "cost": "Cost in dollars", "place": "Place",
        "address": "Street address", "city": "City", "state": "State", "zip_code": "ZIP code",
        "save": "Save draft", "saved": "Saved as a draft", "submit": "Send for review",
        "publish": "Publish", "zip": "Near ZIP code", "within": "Starts within",
        "search": "Search", "found": "1 training found", "starts": "Start dates",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_partner_offers_a_training_staff_publish_it_and_a_seeker_finds_it_nearby(
    page, journey, lang
):
    MembershipFactory(user__email="escuela@example.org", organization__name="Escuela Pilsen")
    CuratorFactory(email="rosa@example.org")
    TrainingFactory(title_es="Curso en dos meses", starts=[60])  # not within 30 days
    TrainingFactory(title_es="Curso en Los Ángeles", city="Los Angeles", state="CA",
                    zip_code="90011", starts=[10])  # fmt: skip
    labels = LABELS[lang]
    next_month = next_month_start()

    sign_in(page, "escuela@example.org", PASSWORD)
    page.goto(f"/{lang}/careers/trainings/new/")
    journey.visit("new training")
    field(page, labels["title"]).fill("Montacargas para principiantes")
    field(page, labels["summary"]).fill("Aprenda a manejar un montacargas con seguridad.")
    field(page, labels["kind"]).select_option("warehouse")
    field(page, labels["format"]).select_option("in_person")
    page.locator('input[name="languages"][value="es"]').check()
    field(page, labels["cost"]).fill("120")
    field(page, labels["place"]).fill("Centro de Empleo")
    field(page, labels["address"]).fill("2000 S Western Ave")
    field(page, labels["city"]).fill("Chicago")
    field(page, labels["state"]).select_option("IL")
    field(page, labels["zip_code"]).fill("60608")
    page.locator('input[name="starts-0-starts_on"]').fill(next_month.isoformat())
    page.get_by_role("button", name=labels["save"]).click()
    expect(page.get_by_text(labels["saved"])).to_be_visible()
    journey.visit("draft preview")
    page.get_by_role("button", name=labels["submit"]).click()
    expect(page.locator(".manage-panel .badge--pending")).to_be_visible()
    page.goto("/es/")  # signing out through the Spanish page, as the helper does
    sign_out(page)

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto(f"/{lang}/review/trainings/")
    journey.visit("review queue")
    page.get_by_role("link", name="Montacargas para principiantes").click()
    page.get_by_role("button", name=labels["publish"], exact=True).click()
    expect(page.locator(".manage-panel .badge--published")).to_be_visible()
    training = Training.objects.get(title_es="Montacargas para principiantes")
    assert training.status == "published"
    page.goto("/es/")  # signing out through the Spanish page, as the helper does
    sign_out(page)

    page.goto(f"/{lang}/careers/trainings/")
    journey.visit("training list")
    search = page.get_by_role("search")
    search.get_by_label(labels["zip"]).fill("60623")
    field(search, labels["within"]).select_option("30")
    search.get_by_role("button", name=labels["search"]).click()
    expect(page).to_have_url(re.compile(r"zip=60623.*within=30"))
    expect(page.get_by_role("heading", name=labels["found"])).to_be_visible()
    journey.visit("search results")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name="Montacargas para principiantes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Montacargas para principiantes")
    expect(page.get_by_role("heading", name=labels["starts"])).to_be_visible()
    expect(page.locator(f'time[datetime="{next_month.isoformat()}"]')).to_be_visible()
    journey.visit("training page")
