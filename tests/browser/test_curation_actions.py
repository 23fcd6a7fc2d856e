"""Staff translate a job side by side, publish two in bulk, and find both in the audit log,
in Spanish and in English; every page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from apps.core.models import PublicationStatus
from apps.curation.items import item_ref
from apps.jobs.models import Job
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in
from tests.jobs.factories import JobFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "es": {
        "translate": "Agregar la traducción que falta, lado a lado",
        "title": re.compile(r"^Título \(español\)", re.IGNORECASE),
        "save": "Guardar la traducción",
        "saved": "Traducción guardada.",
        "added": "Traducción agregada",
        "apply": "Aplicar a los elementos seleccionados",
        "published": "Publicado",
        "action": "Con los elementos seleccionados",
        "history": "Todo su historial en el registro de actividad",
    },
    "en": {
        "translate": "Add the missing translation side by side",
        "title": re.compile(r"^Title \(spanish\)", re.IGNORECASE),
        "save": "Save the translation",
        "saved": "Translation saved.",
        "added": "Translation added",
        "apply": "Apply to the selected items",
        "published": "Published",
        "action": "With the selected items",
        "history": "Its whole history in the audit log",
    },
}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_staff_fill_a_missing_spanish_translation_and_find_it_in_the_audit_log(page, journey, lang):
    words = WORDS[lang]
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    job = JobFactory(title_es="", description_es="", title_en="Line cook")
    pending = [
        JobFactory(
            status=PublicationStatus.PENDING,
            published_at=None,
            title_es=f"Pendiente {n}",
            title_en=f"Pending {n}",
        )
        for n in (1, 2)
    ]
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")

    page.goto(f"/{lang}/jobs/{job.pk}/manage/")
    page.get_by_role("link", name=words["translate"]).click()
    expect(page.locator(".side-by-side__text", has_text="Line cook")).to_be_visible()
    journey.visit(f"translate {lang}")
    page.get_by_label(words["title"]).fill("Cocinero de línea")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["saved"])).to_be_visible()
    job.refresh_from_db()
    assert job.title_es == "Cocinero de línea"
    assert job.status == PublicationStatus.PUBLISHED

    # Two pending jobs published at once from a selection.
    refs = "&".join(f"item={item_ref(item)}" for item in pending)
    page.goto(f"/{lang}/curation/bulk/?{refs}")
    journey.visit(f"bulk {lang}")
    page.get_by_label(words["action"]).select_option("publish")
    page.get_by_role("button", name=words["apply"]).click()
    expect(page.locator(".message--success")).to_be_visible()
    assert Job.objects.filter(status=PublicationStatus.PUBLISHED).count() == 3

    page.goto(f"/{lang}/jobs/{job.pk}/manage/")
    page.get_by_role("link", name=words["history"]).click()
    expect(page.get_by_role("cell", name=words["added"])).to_be_visible()
    expect(page.get_by_role("cell", name=re.compile("Rosa"))).to_be_visible()
    journey.visit(f"audit log {lang}")
    page.goto(f"/{lang}/curation/audit/?action=publish")
    for n in (1, 2):
        name = f"Pendiente {n}" if lang == "es" else f"Pending {n}"
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
