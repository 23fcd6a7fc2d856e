"""A seeker's plan in Chromium at phone width, in Spanish and in English: they add steps
(one with a target date), mark one done, open the printable page and find their plan on My
Camino. axe: no serious or critical violations on any of these pages."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.certifications.models import PlanStep
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "es": {
        "step": "Paso", "date": "Fecha meta (opcional)", "notes": "Notas (opcional)",
        "add": "Agregar el paso", "added": "Paso agregado a su plan.",
        "done": "Marcar como hecho: {}", "well_done": "¡Muy bien!", "print": "Imprimir mi plan",
        "printed": "impreso el", "my_camino": "Mi Camino", "plan": "Mi plan",
        "counts": "1 paso por hacer; hechos: 1.",
        "first": "Sacar la tarjeta OSHA 10", "second": "Postularme a 5 empleos",
    },
    "en": {
        "step": "Step", "date": "Target date (optional)", "notes": "Notes (optional)",
        "add": "Add the step", "added": "Step added to your plan.",
        "done": "Mark as done: {}", "well_done": "Well done!", "print": "Print my plan",
        "printed": "printed on", "my_camino": "My Camino", "plan": "My plan",
        "counts": "1 step to do, 1 done.",
        "first": "Get the OSHA 10 card", "second": "Apply to 5 jobs",
    },
}  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_seeker_builds_a_plan_prints_it_and_finds_it_on_my_camino(page, journey, language):
    words = WORDS[language]
    UserFactory(email="rosa@example.org", display_name="Rosa")
    sign_in(page, "rosa@example.org", PASSWORD)  # through the Spanish page

    page.goto(f"/{language}/careers/plan/")
    journey.visit("empty plan")
    target = timezone.localdate() + timedelta(days=20)
    page.get_by_label(re.compile(f"^{words['step']}:")).fill(words["first"])
    page.get_by_label(re.compile(re.escape(words["date"]))).fill(target.isoformat())
    page.get_by_label(re.compile(re.escape(words["notes"]))).fill("<b>OSHA</b> online")
    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_text(words["added"])).to_be_visible()
    page.get_by_label(re.compile(f"^{words['step']}:")).fill(words["second"])
    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_role("heading", name=words["second"])).to_be_visible()
    expect(page.get_by_text("<b>OSHA</b> online")).to_be_visible()  # shown as text
    journey.visit("two steps")

    page.get_by_role("button", name=words["done"].format(words["second"])).click()
    expect(page.get_by_text(words["well_done"])).to_be_visible()
    expect(page.get_by_text(words["counts"])).to_be_visible()
    journey.visit("one done")
    assert PlanStep.objects.get(title=words["second"]).done

    page.get_by_role("link", name=words["print"]).click()
    expect(page.get_by_text(words["printed"])).to_be_visible()
    expect(page.locator(".site-nav")).to_have_count(0)
    journey.visit("printable plan")
    page.emulate_media(media="print")
    journey.screenshot("printed")
    page.emulate_media(media="screen")

    page.goto(f"/{language}/")
    page.get_by_role("link", name=words["my_camino"], exact=True).click()
    section = page.get_by_role("region", name=words["plan"])
    expect(section.get_by_text(words["first"])).to_be_visible()
    expect(section.get_by_text(words["counts"])).to_be_visible()
    journey.visit("my camino")
