"""Work-on-your-own guides in Chromium at phone width, in Spanish and English: a seeker opens
the guides, reads the one on the ITIN with the credentials that lead there, opens its
printable page and prints it (one or two Letter pages, without the site's navigation, each
link's address written out). axe: no serious or critical violations on each page."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from apps.certifications.models import WorkGuide
from tests.certifications.factories import CredentialFactory, WorkGuideFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).parents[2] / "apps/certifications/demo/guides.json"


def demo_guide(slug: str) -> WorkGuide:
    """A guide as the demo writes it: real length, real links."""
    row = next(row for row in json.loads(DEMO.read_text())[0]["rows"] if row["slug"] == slug)
    texts = {
        f"{field}_{code}": row[field][code]
        for field in ("title", "summary", "body")
        for code in ("es", "en")
    }
    return WorkGuideFactory(slug=slug, topic=row["topic"], **texts)


def pdf_pages(page) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", page.pdf(format="Letter")))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_seeker_reads_a_guide_on_working_with_an_itin_and_prints_it(page, journey, lang):
    itin = demo_guide("working-with-an-itin")
    demo_guide("taxes-when-you-work-for-yourself")
    itin.credentials.set([CredentialFactory(name_es="Tarjeta de manejo de alimentos",
                                            name_en="Food handler card")])  # fmt: skip
    heading = {"es": "Trabajar por su cuenta", "en": "Working on your own"}[lang]
    printable = {"es": "Versión para imprimir", "en": "Printable version"}[lang]
    card = {"es": "Tarjeta de manejo de alimentos", "en": "Food handler card"}[lang]

    page.goto(f"/{lang}/careers/guides/")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_text("VITA").first).to_be_visible()
    journey.visit("work guides")

    page.get_by_role("link", name=getattr(itin, f"title_{lang}")).click()
    steps = {"es": "Cómo pedirlo", "en": "How to apply"}[lang]
    expect(page.get_by_role("heading", level=2, name=steps)).to_be_visible()
    expect(page.locator(".guide-credentials")).to_contain_text(card)
    expect(page.locator(".guide__disclaimer")).to_contain_text(
        {"es": "no es consejo legal ni de impuestos", "en": "not legal or tax advice"}[lang]
    )
    journey.visit("work guide")

    page.get_by_role("link", name=printable).click()
    expect(page).to_have_url(re.compile(rf"/{lang}/careers/guides/working-with-an-itin/print/$"))
    journey.visit("work guide printable")
    page.emulate_media(media="print")
    journey.screenshot("work guide printed")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".print-help")).to_be_hidden()
    expect(page.locator(".guide__body")).to_contain_text("W-7")
    link_after = page.locator(".guide-help a").evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert "https://www.irs.gov/" in link_after
    assert 1 <= pdf_pages(page) <= 2
    page.emulate_media(media="screen")
