"""Issue 15's journey in Chromium at phone width, in Spanish (the issue's) and in English: a
seeker opens the construction pathway and reads what the work pays from current listings,
follows it to the credentials open without an SSN in California with an exam in Spanish,
adds the one that fits to their plan, finds a training for it near their Los Angeles ZIP
code that starts next month, adds that too, gives the training step a target date, and gets
the reminder once, in their language, from a real Celery worker through the delivery log.
axe: no serious or critical violations on any page of the way."""

import email
import re
from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.certifications.models import PlanStep
from apps.certifications.pay import pay_figures_refresh
from apps.notifications.models import Delivery
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import field, sign_in
from tests.certifications.factories import (
    CredentialFactory,
    StateRuleFactory,
    TrainingFactory,
    days_from_today,
    next_month_start,
)
from tests.jobs.factories import JobFactory
from tests.worker import wait_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

WORDS = {
    "es": {
        "pathways": "Caminos de carrera", "construction": "Construcción y remodelación",
        "median": "$22 por hora", "based": "Basado en 5 anuncios actuales",
        "all_credentials": "Todas las credenciales para este tipo de trabajo",
        "state": "Estado donde vive", "rule": "En ese estado",
        "no_ssn": "Abierta para mí sin número de Seguro Social (abierta, o se acepta el ITIN)",
        "exam": "Examen disponible en", "search": "Buscar", "found": "1 credencial encontrada",
        "itin": "California: Se acepta un ITIN en lugar de un número de Seguro Social",
        "add": "Agregar a mi plan", "added": "Agregado a su plan",
        "all_trainings": "Todas las capacitaciones para esta credencial",
        "zip": "Cerca del código postal", "within": "Empieza dentro de",
        "trainings_found": "Se encontró 1 capacitación", "starts": "Fechas de inicio",
        "get": "Obtener {}", "enrol": "Inscribirme en {}", "edit": "Editar «{}»",
        "date": "Fecha meta (opcional)", "save": "Guardar el paso",
        "credential": "Tarjeta de instalador de paneles solares",
        "ssn_credential": "Licencia de electricista",
        "training": "Curso de paneles solares en Los Ángeles",
        "later": "Curso de paneles solares en el verano",
        "subject": "Su plan: «{}» para el", "hello": "Hola, Rosa:",
        "body": "Un recordatorio de su plan",
    },
    "en": {
        "pathways": "Career pathways", "construction": "Construction and remodeling",
        "median": "$22 an hour", "based": "Based on 5 current listings",
        "all_credentials": "All credentials for this kind of work",
        "state": "State where you live", "rule": "In that state",
        "no_ssn": "Open to me without a Social Security number (open, or ITIN accepted)",
        "exam": "Exam offered in", "search": "Search", "found": "1 credential found",
        "itin": "California: An ITIN is accepted instead of a Social Security number",
        "add": "Add to my plan", "added": "Added to your plan",
        "all_trainings": "All trainings for this credential",
        "zip": "Near ZIP code", "within": "Starts within",
        "trainings_found": "1 training found", "starts": "Start dates",
        "get": "Get {}", "enrol": "Enrol in {}", "edit": "Edit “{}”",
        "date": "Target date (optional)", "save": "Save the step",
        "credential": "Solar panel installer card", "ssn_credential": "Electrician license",
        "training": "Solar panel course in Los Angeles", "later": "Solar panel course in summer",
        "subject": "Your plan: “{}” by", "hello": "Hello Rosa,",
        "body": "A reminder from your plan",
    },
}  # fmt: skip


def build_the_world():
    """Six construction listings (five with hourly pay, the minimum the pay figures need),
    the figures worked out by the real service; two credentials, one open with an ITIN in
    California and one that asks for an SSN there; two trainings for the first in Los
    Angeles, one next month and one in six months."""
    for number, amount in enumerate((18, 20, 22, 25, 30)):
        JobFactory(
            category="construction", pay_min=amount, pay_max=None, zip_code="90011",
            city="Los Angeles", state="CA", work_authorization="open",
            title_es=f"Ayudante de instalación solar {number}",
            title_en=f"Solar installer helper {number}",
        )  # fmt: skip
    JobFactory(category="construction", pay_min=None, pay_max=None,
               title_es="Pintor", title_en="Painter")  # fmt: skip
    assert pay_figures_refresh() >= 1

    solar = CredentialFactory(
        name_es=WORDS["es"]["credential"], name_en=WORDS["en"]["credential"],
        slug="solar-installer", kind="certification", categories=["construction"],
        exam_languages=["es", "en"],
    )  # fmt: skip
    StateRuleFactory(
        credential=solar, state="CA", rule="itin",
        note_es="El Estado acepta un ITIN en la solicitud.",
        note_en="The state accepts an ITIN on the application.",
    )  # fmt: skip
    StateRuleFactory(credential=solar, state="IL", rule="open")
    electrician = CredentialFactory(
        name_es=WORDS["es"]["ssn_credential"], name_en=WORDS["en"]["ssn_credential"],
        slug="electrician", kind="license", categories=["construction"],
        exam_languages=["es", "en"],
    )  # fmt: skip
    StateRuleFactory(credential=electrician, state="CA", rule="ssn")

    where = {"city": "Los Angeles", "state": "CA", "zip_code": "90011",
             "venue_name": "Centro Comunitario del Sur", "address": "4000 S Main St"}  # fmt: skip
    starts_on = next_month_start()
    TrainingFactory(
        title_es=WORDS["es"]["training"], title_en=WORDS["en"]["training"],
        credentials=[solar], starts=[(starts_on - days_from_today(0)).days], **where,
    )  # fmt: skip
    TrainingFactory(
        title_es=WORDS["es"]["later"], title_en=WORDS["en"]["later"],
        credentials=[solar], starts=[180], **where,
    )  # fmt: skip
    return starts_on


def worker_is_idle(worker, sweeps: int) -> bool:
    """Every task the worker received has finished, the sweeps among them."""
    log = worker.output()
    finished = sum(log.count(end) for end in ("] succeeded in", "] raised", "] retry"))
    return log.count("sweep_deliveries[") >= 2 * sweeps and finished == log.count("] received")


def the_email(folder) -> email.message.Message:
    """The one message the worker's file backend wrote."""
    [path] = list(folder.glob("*.log"))
    [raw] = [part for part in path.read_bytes().split(b"-" * 79) if part.strip()]
    return email.message_from_bytes(raw.strip())


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_goes_from_the_pathway_to_a_plan_and_gets_the_reminder_in_their_language(
    page, journey, lang, celery_worker, live_server
):
    words = WORDS[lang]
    get_it = words["get"].format(words["credential"])
    starts_on = build_the_world()
    seeker = UserFactory(
        email="rosa@example.org", display_name="Rosa", preferred_language=lang,
        time_zone="America/Los_Angeles",
    )  # fmt: skip
    # Through the Spanish sign-in page; Camino then speaks the language the account prefers.
    sign_in(page, "rosa@example.org", PASSWORD, lands_in=lang)
    expect(page).to_have_url(re.compile(f"^{re.escape(live_server.url)}/{lang}/"))

    # The pathway: what construction pays now, from how many listings.
    page.goto(f"/{lang}/careers/pathways/")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["pathways"])
    journey.visit("pathways")
    page.get_by_role("link", name=words["construction"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["construction"])
    pay = page.locator(".pathway__pay")
    expect(pay).to_contain_text(words["median"])
    expect(pay).to_contain_text(words["based"])
    journey.visit("construction pathway")

    # The credentials: open without an SSN in California, exam in Spanish.
    page.get_by_role("link", name=re.compile(re.escape(words["all_credentials"]))).click()
    expect(page).to_have_url(re.compile(r"/careers/credentials/\?category=construction"))
    journey.visit("construction credentials")
    page.get_by_label(words["state"]).select_option("CA")
    page.get_by_label(words["rule"]).select_option(label=words["no_ssn"])
    page.get_by_label(words["exam"]).select_option("es")
    page.get_by_role("button", name=words["search"]).click()
    expect(page.get_by_role("heading", name=words["found"])).to_be_visible()
    card = page.locator(".credential-card")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(words["credential"])
    expect(card).to_contain_text(words["itin"])
    expect(page.get_by_text(words["ssn_credential"])).to_have_count(0)
    journey.visit("no ssn in california")

    card.get_by_role("link", name=words["credential"]).click()
    expect(page).to_have_url(re.compile(r"/solar-installer/\?state=CA$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["credential"])
    first = page.locator("#rules-heading ~ .table-stack tbody tr").first
    expect(first).to_contain_text("California")
    expect(first).to_contain_text("ITIN")
    journey.visit("credential page")
    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_text(words["added"])).to_be_visible()
    expect(page.get_by_role("heading", name=get_it)).to_be_visible()
    journey.visit("plan with the credential")

    # A training for it near their ZIP code that starts next month.
    page.go_back()
    page.get_by_role("link", name=words["all_trainings"]).click()
    search = page.get_by_role("search")
    search.get_by_label(words["zip"]).fill("90033")
    field(search, words["within"]).select_option("30")
    search.get_by_role("button", name=words["search"]).click()
    expect(page).to_have_url(re.compile(r"zip=90033.*within=30"))
    expect(page.get_by_role("heading", name=words["trainings_found"])).to_be_visible()
    expect(page.get_by_role("link", name=words["training"])).to_be_visible()
    expect(page.get_by_text(words["later"])).to_have_count(0)
    journey.visit("trainings near and soon")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.get_by_role("link", name=words["training"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["training"])
    expect(page.get_by_role("heading", name=words["starts"])).to_be_visible()
    expect(page.locator(f'time[datetime="{starts_on.isoformat()}"]')).to_be_visible()
    journey.visit("training page")
    page.get_by_role("button", name=words["add"]).click()
    expect(page.get_by_text(words["added"])).to_be_visible()

    # The plan holds both; the training step gets a target date two days from now, so its
    # reminder is due at once (it is sent CERTIFICATIONS_PLAN_REMINDER_DAYS before).
    enrol = words["enrol"].format(words["training"])
    expect(page.get_by_role("heading", name=get_it)).to_be_visible()
    expect(page.get_by_role("heading", name=enrol)).to_be_visible()
    journey.visit("plan with both")
    page.get_by_role("link", name=words["edit"].format(enrol)).click()
    expect(page).to_have_url(re.compile(r"/plan/\d+/edit/$"))
    journey.visit("edit the training step")
    target = timezone.localdate() + timedelta(days=2)
    page.get_by_label(re.compile(re.escape(words["date"]))).fill(target.isoformat())
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator(f'time[datetime="{target.isoformat()}"]')).to_be_visible()
    journey.visit("plan with a target date")
    steps = PlanStep.objects.filter(user=seeker).order_by("position", "pk")
    assert [(s.credential_id is not None, s.training_id is not None) for s in steps] == [
        (True, False), (False, True)
    ]  # fmt: skip

    # The sweep the beat runs every minute, twice before the first is done: one email.
    sweep_deliveries.delay()
    sweep_deliveries.delay()
    wait_for(
        lambda: Delivery.objects.filter(kind="plan_reminder", status="sent").count() == 1,
        what="the reminder",
    )  # fmt: skip
    wait_for(lambda: worker_is_idle(celery_worker, sweeps=2), what="both sweeps to finish")
    [delivery] = Delivery.objects.filter(kind="plan_reminder")
    assert delivery.recipient == seeker
    assert delivery.params["target_date"] == target.isoformat()
    message = the_email(celery_worker.email_dir)
    assert message["To"] == "rosa@example.org"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject.startswith(words["subject"].format(enrol)), subject
    body = next(
        part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )  # fmt: skip
    assert words["hello"] in body
    assert words["body"] in body
    assert enrol in body
    assert f"/{lang}/careers/plan/" in body
