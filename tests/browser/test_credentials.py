"""Credentials in Chromium at phone width, in Spanish and English: a seeker filters
"open to me in California without an SSN, exam in Spanish", opens a credential and sees
California's rule first, and the states staff have not checked say so."""

import re

import pytest
from playwright.sync_api import expect

from tests.certifications.factories import CredentialFactory, StateRuleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "es": {
        "state": "Estado donde vive", "rule": "En ese estado",
        "no_ssn": "Abierta para mí sin número de Seguro Social (abierta, o se acepta el ITIN)",
        "language": "Examen disponible en", "search": "Buscar",
        "found": "1 credencial encontrada",
        "open": "California: Abierta sin importar el estatus migratorio",
        "unchecked": "New York: todavía no se ha revisado",
        "show": "Mostrar", "your_state": "Vea primero su estado",
    },
    "en": {
        "state": "State where you live", "rule": "In that state",
        "no_ssn": "Open to me without a Social Security number (open, or ITIN accepted)",
        "language": "Exam offered in", "search": "Search",
        "found": "1 credential found", "open": "California: Open regardless of immigration status",
        "unchecked": "New York: not checked yet",
        "show": "Show", "your_state": "See your state first",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_finds_a_credential_open_without_an_ssn_in_their_state(page, journey, lang):
    text = TEXTS[lang]
    barber = CredentialFactory(
        name_es="Licencia de barbero", name_en="Barber license", slug="barber-license",
        kind="license", categories=["beauty"], exam_languages=["en", "es"],
    )  # fmt: skip
    StateRuleFactory(
        credential=barber, state="IL", rule="itin", checked_by=None,
        note_es="Illinois acepta un ITIN.", note_en="Illinois accepts an ITIN.",
    )  # fmt: skip
    StateRuleFactory(
        credential=barber, state="CA", rule="open", checked_by=None,
        note_es="La junta no niega licencias por el estatus.",
        note_en="The board does not deny licenses because of status.",
    )  # fmt: skip
    # each of the others fails one filter
    english_only = CredentialFactory(
        name_es="Contratista", name_en="Contractor", exam_languages=["en"]
    )
    StateRuleFactory(credential=english_only, state="CA", rule="open", checked_by=None)
    cdl = CredentialFactory(
        name_es="Licencia CDL", name_en="CDL license", exam_languages=["en", "es"]
    )
    StateRuleFactory(credential=cdl, state="CA", rule="status", checked_by=None)
    CredentialFactory(name_es="Sin revisar", name_en="Not checked", exam_languages=["es"])

    page.goto(f"/{lang}/careers/credentials/")
    journey.visit("credential list")
    page.get_by_label(text["state"]).select_option("CA")
    page.get_by_label(text["rule"]).select_option(label=text["no_ssn"])
    page.get_by_label(text["language"]).select_option("es")
    page.get_by_role("button", name=text["search"]).click()

    expect(page).to_have_url(re.compile(r"state=CA.*rule=no_ssn.*language=es|rule=no_ssn"))
    expect(page.get_by_role("heading", name=text["found"])).to_be_visible()
    card = page.locator(".credential-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(text["open"])
    journey.visit("filtered list")

    card.get_by_role("link", name=getattr(barber, f"name_{lang}")).click()
    expect(page).to_have_url(re.compile(r"/barber-license/\?state=CA$"))
    first = page.locator("#rules-heading ~ .table-stack tbody tr").first
    expect(first).to_contain_text("California")
    expect(first).to_contain_text(getattr(barber.rules.get(state="CA"), f"note_{lang}"))
    journey.visit("credential page")

    page.get_by_label(text["your_state"]).select_option("NY")
    page.get_by_role("button", name=text["show"]).click()
    expect(page.locator(".authorization-box")).to_contain_text(text["unchecked"])
    journey.visit("state not checked")
