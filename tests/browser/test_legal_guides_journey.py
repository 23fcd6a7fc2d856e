"""Know-your-rights guides, the notario warning and the guided entry in Chromium at phone
width, in Spanish and English: a seeker reads a guide and prints it (on at most two pages,
without the site's navigation, with each link's address written out); staff preview a new
guide and clear a stale one."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.legal.models import Guide
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in
from tests.legal.factories import GuideFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).parents[2] / "apps/legal/demo/guides.json"


def demo_guide(slug: str, **changes) -> Guide:
    """A guide as the demo writes it: real length, real links."""
    row = next(row for row in json.loads(DEMO.read_text())[0]["rows"] if row["slug"] == slug)
    texts = {
        f"{field}_{code}": row[field][code]
        for field in ("title", "summary", "body")
        for code in ("es", "en")
    }
    return GuideFactory(slug=slug, topic=row["topic"], **texts, **changes)


def pdf_pages(page) -> int:
    """How many Letter pages the page prints on (Chromium's own PDF of its print media)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="Letter")))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_reads_a_guide_and_prints_it(page, journey, lang):
    demo_guide("immigration-agents-home-work")
    demo_guide("rights-at-work")
    reviewed = {"es": "Revisada por última vez el", "en": "Last reviewed on"}[lang]
    staff = {"es": "por el personal de Camino", "en": "by Camino staff"}[lang]

    page.goto(f"/{lang}/legal/guides/")
    journey.visit("guides")
    guide = Guide.objects.get(topic="agents_at_home")
    page.get_by_role("link", name=getattr(guide, f"title_{lang}")).click()
    expect(page.locator(".guide__reviewed")).to_contain_text(reviewed)
    expect(page.locator(".guide__reviewed")).to_contain_text(staff)
    journey.visit("guide")

    page.emulate_media(media="print")
    journey.screenshot("guide printed")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".guide-links")).to_be_hidden()
    link_after = page.locator('.guide__body a[href="https://locator.ice.gov/"]').evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://locator.ice.gov/" in link_after
    for slug in ("immigration-agents-home-work", "rights-at-work"):
        page.goto(f"/{lang}/legal/guides/{slug}/")
        pages = pdf_pages(page)
        assert 1 <= pages <= 2, slug
    page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_notario_warning_page(page, journey, lang):
    page.goto(f"/{lang}/legal/notarios/")
    heading = {"es": "Evite el fraude de los notarios", "en": "Avoid notario fraud"}[lang]
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("link", name=re.compile("ReportFraud.ftc.gov"))).to_have_attribute(
        "href", "https://reportfraud.ftc.gov/"
    )
    journey.visit("notario warning")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_guided_entry_lands_on_the_filtered_directory(page, journey, lang):
    question = {"es": "No me pagaron por mi trabajo", "en": "I was not paid for my work"}[lang]

    page.goto(f"/{lang}/legal/help/")
    journey.visit("guided entry")
    page.get_by_role("link", name=question).click()

    expect(page).to_have_url(re.compile(rf"/{lang}/legal/\?service=wage_theft$"))


def test_staff_preview_a_new_guide_and_clear_a_stale_one(page, journey):
    stale = GuideFactory(title_es="Lo básico del ITIN", slug="itin-basics",
                         reviewed_at=timezone.now() - timedelta(days=395))  # fmt: skip
    CuratorFactory(email="rosa@example.org")
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")

    page.goto("/es/legal/guides/staff/")
    row = page.get_by_role("row", name=re.compile("Lo básico del ITIN"))
    expect(row).to_contain_text("Hace más de un año: revísela")
    journey.visit("staff guides")
    row.get_by_role("button", name="Marcar como revisada").click()
    expect(page.get_by_role("status")).to_contain_text("Marcada como revisada hoy.")
    stale.refresh_from_db()
    assert not stale.is_stale

    page.get_by_role("link", name="Escribir una guía nueva").click()
    page.get_by_label("Tema").select_option("traffic_stop")
    page.get_by_label("Título en español").fill("Si la policía lo detiene")
    page.get_by_label("Título en inglés").fill("If the police stop you")
    page.get_by_label("Resumen en español").fill("Qué mostrar y qué puede callar.")
    page.get_by_label("Resumen en inglés").fill("What to show and what you may keep to yourself.")
    page.get_by_label("Texto en español").fill("## Durante la parada\n\n- Guarde la calma.")
    page.get_by_label("Texto en inglés").fill("## During the stop\n\n- Stay calm.")
    page.get_by_label("Dirección").fill("policia")
    page.get_by_role("button", name="Vista previa").click()
    expect(page.get_by_role("heading", name="Durante la parada")).to_be_visible()
    expect(page.get_by_label("Texto en español")).to_have_value(
        "## Durante la parada\n\n- Guarde la calma."
    )
    journey.visit("staff preview")
    assert not Guide.objects.filter(slug="policia").exists()
    page.get_by_label(re.compile("Publicada")).check()
    page.get_by_role("button", name="Guardar", exact=True).click()

    expect(page).to_have_url(re.compile("/es/legal/guides/policia/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Si la policía lo detiene")
