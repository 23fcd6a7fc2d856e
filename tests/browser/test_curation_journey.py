"""Issue 16's morning of a curator, in Chromium, in Spanish and English: she imports a CSV of
20 jobs with 2 bad rows, fixes the file and imports it; from the one queue she claims three
items, publishes two of them in bulk, fills a missing Spanish translation side by side and
clears a report; the audit log holds all of it; a second curator sees her claims. Every page
passes axe (no serious or critical violation)."""

import re

import pytest
from playwright.sync_api import expect

from apps.core.models import AuditEntry, PublicationStatus
from apps.curation.models import Claim
from apps.jobs.models import Job, JobReport
from tests.accounts.factories import PASSWORD, CuratorFactory, LeadCuratorFactory
from tests.browser.conftest import sign_in
from tests.curation.test_imports import csv_bytes, job_row
from tests.jobs.factories import JobFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOTP = "JBSWY3DPEHPK3PXP"
WORDS = {
    "es": {
        "check": "Revisar el archivo", "import": "Importar todo el archivo",
        "fix": "Subir el archivo corregido", "done": "El archivo se importó.",
        "claim": "Tomar lo seleccionado", "claimed": "Tomados: 3.",
        "action": "Con los elementos seleccionados",
        "apply": "Aplicar a los elementos seleccionados",
        "translate": "Traducir lado a lado", "title": re.compile(r"^Título \(español\)", re.I),
        "save": "Guardar la traducción", "saved": "Traducción guardada.",
        "handle": "Marcar como atendida", "handled": "Marcada como atendida.",
        "logged": ["Archivo importado", "Tomado", "Publicado", "Traducción agregada",
                   "Denuncia atendida"],
    },
    "en": {
        "check": "Check the file", "import": "Import the whole file",
        "fix": "Upload the fixed file", "done": "The file was imported.",
        "claim": "Claim selected", "claimed": "Claimed: 3.",
        "action": "With the selected items", "apply": "Apply to the selected items",
        "translate": "Translate side by side", "title": re.compile(r"^Title \(spanish\)", re.I),
        "save": "Save the translation", "saved": "Translation saved.",
        "handle": "Mark as handled", "handled": "Marked as handled.",
        "logged": ["File imported", "Claimed", "Published", "Translation added",
                   "Report handled"],
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_curators_morning_in_the_workspace(page, journey, lang):
    words = WORDS[lang]
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    LeadCuratorFactory(email="tomas@example.org", display_name="Tomás")
    OrganizationFactory(slug="cocina-unida")
    reported = JobFactory(title_es="Trabajo dudoso", title_en="Dubious job")
    report = JobReport.objects.create(job=reported, reason="scam")
    english_only = JobFactory(title_es="", description_es="", title_en="Line cook")
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret=TOTP)

    # A file of 20 jobs with two bad rows: nothing imported until it is fixed.
    rows = [job_row(number, "cocina-unida") for number in range(1, 21)]
    bad = [dict(row) for row in rows]
    bad[3]["zip_code"] = "9021"
    bad[10]["category"] = "cooking"
    page.goto(f"/{lang}/curation/import/jobs/")

    def upload(content: bytes) -> None:
        page.locator("input[type=file]").set_input_files(
            {"name": "empleos.csv", "mimeType": "text/csv", "buffer": content}
        )
        page.get_by_role("button", name=words["check"]).click()

    upload(csv_bytes(bad))
    expect(page.locator("#import-errors li")).to_have_count(2)
    journey.visit(f"import report {lang}")
    page.get_by_role("link", name=words["fix"]).click()
    upload(csv_bytes(rows))
    page.get_by_role("button", name=words["import"]).click()
    expect(page.get_by_text(words["done"])).to_be_visible()
    assert Job.objects.filter(status=PublicationStatus.PENDING).count() == 20

    # The queue: three of the imported jobs claimed, two of them published at once.
    page.goto(f"/{lang}/curation/?reason=waiting")
    journey.visit(f"queue {lang}")
    boxes = page.locator("input[name=item]")
    chosen = [boxes.nth(number).get_attribute("value") for number in range(3)]
    for number in range(3):
        boxes.nth(number).check()
    page.get_by_role("button", name=words["claim"]).click()
    expect(page.get_by_text(words["claimed"])).to_be_visible()
    for ref in chosen[:2]:
        page.locator(f'input[name=item][value="{ref}"]').check()
    page.get_by_label(words["action"]).select_option("publish")
    page.get_by_role("button", name=words["apply"]).click()
    expect(page.locator(".message--success")).to_be_visible()
    published = [int(ref.split(":")[1]) for ref in chosen[:2]]
    assert Job.objects.filter(pk__in=published, status=PublicationStatus.PUBLISHED).count() == 2

    # The job written in English only gets its Spanish side by side.
    page.goto(f"/{lang}/curation/?reason=untranslated")
    page.get_by_role("link", name=words["translate"]).first.click()
    expect(page).to_have_url(re.compile(r"/curation/translate/"))
    journey.visit(f"translate {lang}")
    page.get_by_label(words["title"]).fill("Cocinero de línea")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["saved"])).to_be_visible()
    english_only.refresh_from_db()
    assert english_only.title_es == "Cocinero de línea"
    assert english_only.status == PublicationStatus.PUBLISHED

    # The reported job comes first in the queue; its report is cleared.
    page.goto(f"/{lang}/curation/")
    page.get_by_role("link", name=re.compile("Trabajo dudoso|Dubious job")).first.click()
    page.get_by_role("button", name=words["handle"]).click()
    expect(page.get_by_text(words["handled"])).to_be_visible()
    report.refresh_from_db()
    assert report.resolved_at is not None

    # All of it is in the audit log.
    page.goto(f"/{lang}/curation/audit/")
    journey.visit(f"audit log {lang}")
    for label in words["logged"]:
        expect(page.get_by_role("cell", name=label, exact=True).first).to_be_visible()
    assert AuditEntry.objects.filter(actor__email="rosa@example.org").count() >= 1 + 20 + 3 + 2

    # A colleague sees who holds the claim on the one still waiting.
    page.context.clear_cookies()
    sign_in(page, "tomas@example.org", PASSWORD, totp_secret=TOTP)
    page.goto(f"/{lang}/curation/?reason=waiting")
    claimed_row = page.get_by_role("row").filter(has=page.locator(f'[value="{chosen[2]}"]'))
    expect(claimed_row.get_by_role("cell", name=re.compile("^Rosa"))).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("^Rosa"))).to_have_count(1)
    journey.visit(f"a colleague's view {lang}")
    assert Claim.objects.filter(claimed_by__email="rosa@example.org").count() == 3
