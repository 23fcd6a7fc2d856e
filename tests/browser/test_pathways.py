"""The construction pathway in Chromium at phone width, in Spanish and English: a
Spanish-speaking seeker opens it from the list of pathways, reads what the work pays from
current listings and from how many, enters a ZIP code (a wrong one first) and finds
trainings and open jobs near it; every page passes the accessibility check."""

import re

import pytest
from playwright.sync_api import expect

from apps.certifications.pay import pay_figures_refresh
from tests.certifications.factories import CredentialFactory, TrainingFactory
from tests.jobs.factories import JobFactory
from tests.mentorship.factories import MentorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "es": {"index": "Caminos de carrera", "construction": "Construcción y remodelación",
           "pay": "Cuánto paga hoy este trabajo", "median": "$22 por hora",
           "based": "Basado en 5 anuncios actuales", "zip": "Su código postal",
           "near": "Mostrar lo que está cerca", "unknown": "No conocemos el código postal 99999",
           "trainings": "A menos de 50 millas de 60608", "jobs": "Empleos disponibles",
           "open_to_all": "Abierto a todos", "credential": "Tarjeta OSHA 10 de construcción",
           "exam": "Examen en: español, inglés"},
    "en": {"index": "Career pathways", "construction": "Construction and remodeling",
           "pay": "What this work pays now", "median": "$22 an hour",
           "based": "Based on 5 current listings", "zip": "Your ZIP code",
           "near": "Show what is near me", "unknown": "We do not know the ZIP code 99999",
           "trainings": "Within 50 miles of 60608", "jobs": "Open jobs",
           "open_to_all": "Open to all", "credential": "OSHA 10 construction card",
           "exam": "Exam in: Spanish, English"},
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_reads_the_construction_pathway_and_finds_what_is_near(page, journey, lang):
    for number, amount in enumerate((18, 20, 22, 25, 30)):
        JobFactory(
            category="construction", pay_min=amount, pay_max=None, zip_code="60623",
            work_authorization="open" if number % 2 else "ead",
            title_es=f"Ayudante de albañil {number}", title_en=f"Mason helper {number}",
        )  # fmt: skip
    JobFactory(category="construction", zip_code="77036", city="Houston", state="TX",
               pay_min=None, pay_max=None,
               title_es="Techador en Houston", title_en="Roofer in Houston")  # fmt: skip
    pay_figures_refresh()
    osha = CredentialFactory(
        name_es="Tarjeta OSHA 10 de construcción", name_en="OSHA 10 construction card",
        benefit="required", exam_languages=["es", "en"],
    )  # fmt: skip
    TrainingFactory(zip_code="60608", title_es="Soldadura en Pilsen", title_en="Welding in Pilsen")
    TrainingFactory(zip_code="10001", city="New York", state="NY",
                    title_es="Soldadura en Nueva York", title_en="Welding in New York")  # fmt: skip
    MentorFactory(industries=["construction"], headline_es="Techador desde hace 20 años",
                  headline_en="Roofer for 20 years")  # fmt: skip
    words = WORDS[lang]

    page.goto(f"/{lang}/careers/pathways/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["index"])
    journey.visit(f"pathways {lang}")

    page.get_by_role("link", name=words["construction"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["construction"])
    pay = page.locator(".pathway__pay")
    expect(pay.get_by_role("heading")).to_have_text(words["pay"])
    expect(pay).to_contain_text(words["median"])
    expect(pay).to_contain_text(words["based"])
    expect(page.get_by_role("link", name=words["credential"])).to_have_attribute(
        "href", f"/{lang}/careers/credentials/{osha.slug}/"
    )
    expect(page.locator(".credential-card")).to_contain_text(words["exam"])
    journey.visit(f"construction {lang}")

    page.get_by_label(words["zip"]).fill("99999")
    page.get_by_role("button", name=words["near"]).click()
    expect(page.get_by_role("alert")).to_contain_text(words["unknown"])
    expect(page.get_by_label(words["zip"])).to_have_value("99999")
    expect(page.locator(".pathway__pay")).to_contain_text(words["median"])
    journey.visit(f"construction unknown zip {lang}")

    page.get_by_label(words["zip"]).fill("60608")
    page.get_by_role("button", name=words["near"]).click()
    expect(page.get_by_role("heading", name=words["trainings"])).to_be_visible()
    expect(page.locator(".training-card")).to_have_count(1)
    expect(page.locator(".training-card")).to_contain_text(re.compile("Pilsen"))
    jobs = page.locator(".pathway__section--jobs")
    expect(jobs.get_by_role("heading", name=words["jobs"])).to_be_visible()
    expect(jobs.locator(".job-card")).to_have_count(5)
    expect(jobs).not_to_contain_text("Houston")
    expect(jobs.locator(".authorization--open").first).to_have_text(words["open_to_all"])
    expect(page.locator(".pathway__section--mentors")).to_contain_text(
        re.compile("Techador|Roofer")
    )
    journey.visit(f"construction near 60608 {lang}")
