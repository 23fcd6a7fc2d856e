"""Curation's dashboard in Chromium, Spanish and English: each figure is a chart (an image
named for screen readers) with its table and its CSV link, on a phone without scrolling
sideways. axe: nothing serious."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.core.dashboard import dashboard_figures
from apps.core.models import AuditEntry
from apps.curation.dashboard import figures_refresh
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in
from tests.jobs.factories import JobFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "es": ("Cómo le va a Camino", "Gráfico: Publicaciones enviadas a revisión",
           "Semana que empieza",
           "Descargar «Publicaciones enviadas a revisión, publicadas y rechazadas» en CSV"),
    "en": ("How Camino is doing", "Chart: Items sent for review", "Week starting",
           "Download “Items sent for review, published and rejected” as CSV"),
}  # fmt: skip


def test_the_dashboard_draws_charts_with_their_tables_in_both_languages(page, journey):
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    job = JobFactory()
    for days, action in ((9, "submit"), (8, "publish"), (2, "submit")):
        AuditEntry.objects.create(
            subject=job, action=action, created_at=timezone.now() - timedelta(days=days)
        )
    figures_refresh()  # as the periodic task does
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    for language, (title, chart, week, download) in TEXT.items():
        page.goto(f"/{language}/curation/dashboard/?weeks=8")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        expect(page.get_by_role("img", name=chart)).to_be_visible()
        expect(page.locator("svg[role=img]")).to_have_count(len(dashboard_figures))
        expect(page.locator("table")).to_have_count(len(dashboard_figures))
        expect(page.get_by_role("columnheader", name=week).first).to_be_attached()
        expect(page.locator("#table-review tbody tr")).to_have_count(8)
        expect(page.get_by_role("link", name=download)).to_have_attribute(
            "href", f"/{language}/curation/dashboard/review.csv?weeks=8"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        journey.visit(f"dashboard {language}")
        # A wrong period (typed into the address) says why and keeps what was typed; the
        # field itself lets the browser refuse it first (min and max).
        page.goto(f"/{language}/curation/dashboard/?weeks=99")
        expect(page.locator(".message--error")).to_be_visible()
        expect(page.locator("#id_weeks")).to_have_value("99")
        journey.visit(f"dashboard error {language}")
