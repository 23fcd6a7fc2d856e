import re

import pytest
from playwright.sync_api import expect

from apps.jobs.models import Job, JobReport
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in, sign_out
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_seeker_search_and_report_then_partner_submits_and_staff_publishes(page, journey):
    JobFactory(title_es="Recepcionista de información", title_en="", work_authorization="open",
               zip_code="60623")  # fmt: skip
    JobFactory(title_es="Guía de información", title_en="", work_authorization="ead",
               zip_code="60623")  # fmt: skip
    JobFactory(title_es="Información turística", title_en="", work_authorization="open",
               zip_code="77036", city="Houston", state="TX")  # fmt: skip
    MembershipFactory(user__email="socia@example.org")
    CuratorFactory(email="rosa@example.org")

    # A seeker searches in Spanish without the accent, open to all, within 25 miles.
    page.goto("/es/jobs/")
    journey.visit("job search")
    search = page.get_by_role("search")
    search.get_by_label("Palabras clave").fill("informacion")
    search.get_by_label("Abierto a todos").check()
    search.get_by_label("Cerca del código postal").fill("60629")
    search.get_by_label("A no más de (millas)").fill("25")
    search.get_by_role("button", name="Buscar").click()
    expect(page).to_have_url(re.compile(r"q=informacion.*authorization=open.*zip=60629.*radius=25"))
    expect(page.get_by_role("heading", name="1 empleo encontrado")).to_be_visible()
    journey.visit("search results")

    # Opens the job and reports it.
    page.get_by_role("link", name="Recepcionista de información").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recepcionista de información")
    expect(page.get_by_role("heading", name="Abierto a todos")).to_be_visible()
    journey.visit("job detail")
    page.get_by_text("Denunciar este anuncio").click()
    page.get_by_label("Pide el SSN o documentos antes de contratar").check()
    page.get_by_role("button", name="Enviar denuncia").click()
    expect(page.get_by_text("Gracias. Nuestro equipo revisará este empleo.")).to_be_visible()
    assert JobReport.objects.get().reason == "documents"

    # A partner posts a job in Spanish only and sends it for review.
    sign_in(page, "socia@example.org", PASSWORD)
    page.goto("/es/jobs/new/")
    journey.visit("post a job")
    page.get_by_label("Título del empleo en español").fill("Cocinera de línea")
    page.get_by_label("Descripción en español").fill("Preparar platillos en la línea caliente.")
    page.get_by_label("Categoría").select_option("food")
    page.get_by_label("Tipo de empleo").select_option("full_time")
    page.get_by_label("Autorización de trabajo").select_option("open")
    page.get_by_label("Idiomas en el trabajo").select_option("spanish")
    page.get_by_label("Pago desde").fill("17")
    page.get_by_label("Ciudad").fill("Chicago")
    page.get_by_label(re.compile(r"^Estado:?$")).select_option("IL")
    page.get_by_label("Código postal (ZIP)").fill("60623")
    page.get_by_label("Postularse por correo electrónico").fill("empleos@example.org")
    page.get_by_role("button", name="Guardar borrador").click()
    expect(page.get_by_text("Guardado como borrador")).to_be_visible()
    journey.visit("draft preview")
    page.get_by_role("button", name="Enviar a revisión").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("En revisión")
    sign_out(page)

    # Staff publish it from the review queue.
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/es/jobs/review/")
    expect(page.get_by_text("1 denuncia para revisar primero")).to_be_visible()
    journey.visit("review queue")
    page.get_by_role("link", name="Cocinera de línea").click()
    page.get_by_role("button", name="Publicar").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Publicado")
    assert Job.objects.get(title_es="Cocinera de línea").status == "published"
    sign_out(page)

    # It appears in the search.
    page.goto("/es/jobs/?q=cocineras")
    expect(page.get_by_role("link", name="Cocinera de línea")).to_be_visible()
    journey.visit("published job in search")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_public_jobs_pages_are_accessible(page, journey, lang):
    job = JobFactory(title_es="Jardinero", title_en="", work_authorization="unclear")
    for path in [
        f"/{lang}/jobs/?q=jardinero&authorization=unclear&zip=60629&radius=25&sort=nearest",
        f"/{lang}/jobs/{job.pk}/",
        f"/{lang}/jobs/work-authorization/",
        f"/{lang}/organizations/{job.organization.slug}/",
        f"/{lang}/jobs/?min_pay=abc&zip=00000",  # the page with filter errors
    ]:
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        journey.visit(path)
