"""Issue 16's import in Chromium, Spanish and English: a curator uploads a CSV of 20 jobs with
2 bad rows, reads the two errors, fixes the file, uploads it again and imports it; every page
passes axe (no serious or critical violations)."""

import re

import pytest
from playwright.sync_api import expect

from apps.core.models import PublicationStatus
from apps.jobs.models import Job
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in
from tests.curation.test_imports import csv_bytes, job_row
from tests.organizations.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "es": {
        "check": "Revisar el archivo", "import": "Importar todo el archivo",
        "fix": "Subir el archivo corregido", "done": "El archivo se importó.",
        "zip": "Fila 5, zip_code: El código postal 9021 no es un código postal de EE. UU.",
        "category": "Fila 12, category: Escoja una opción válida.",
        "to_create": "20 por crear",
    },
    "en": {
        "check": "Check the file", "import": "Import the whole file",
        "fix": "Upload the fixed file", "done": "The file was imported.",
        "zip": "Row 5, zip_code: ZIP 9021 is not a US ZIP code.",
        "category": "Row 12, category: Select a valid choice.",
        "to_create": "20 to create",
    },
}  # fmt: skip


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_curator_fixes_a_file_and_imports_it(page, journey, lang):
    words = WORDS[lang]
    CuratorFactory(email="rosa@example.org")
    OrganizationFactory(slug="cocina-unida")
    rows = [job_row(number, "cocina-unida") for number in range(1, 21)]
    bad = [dict(row) for row in rows]
    bad[3]["zip_code"] = "9021"  # spreadsheet row 5
    bad[10]["category"] = "cooking"  # row 12

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto(f"/{lang}/curation/import/")
    journey.visit(f"imports {lang}")
    page.goto(f"/{lang}/curation/import/jobs/")
    journey.visit(f"upload {lang}")

    def upload(content: bytes) -> None:
        page.locator("input[type=file]").set_input_files(
            {"name": "empleos.csv", "mimeType": "text/csv", "buffer": content}
        )
        page.get_by_role("button", name=words["check"]).click()

    upload(csv_bytes(bad))
    errors = page.locator("#import-errors li")
    expect(errors).to_have_count(2)
    expect(errors.nth(0)).to_have_text(words["zip"])
    expect(errors.nth(1)).to_have_text(re.compile(re.escape(words["category"])))
    expect(page.get_by_role("button", name=words["import"])).to_have_count(0)
    journey.visit(f"report with errors {lang}")
    assert Job.objects.count() == 0

    page.get_by_role("link", name=words["fix"]).click()
    upload(csv_bytes(rows))
    expect(page.get_by_text(words["to_create"])).to_be_visible()
    journey.visit(f"report to confirm {lang}")
    page.get_by_role("button", name=words["import"]).click()
    expect(page.get_by_text(words["done"])).to_be_visible()
    journey.visit(f"imported {lang}")
    assert Job.objects.filter(status=PublicationStatus.PENDING).count() == 20

    page.goto(f"/{lang}/curation/export/")
    journey.visit(f"export {lang}")
