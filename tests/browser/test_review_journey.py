import re

import pytest
from playwright.sync_api import expect

from apps.core.models import PublicationStatus
from apps.core.services import publication_expire, publication_publish
from apps.jobs.models import JobReport
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_pages_scroll_by_keyboard_and_pass_axe(page, journey):
    curator = CuratorFactory(email="rosa@example.org", display_name="Rosa")
    partner = MembershipFactory(user__email="socia@example.org").user
    job = JobFactory(
        organization=partner.memberships.get().organization, created_by=partner,
        title_es="Cocinera de línea con una descripción larga", title_en="",
        apply_url="https://example.org/" + "empleos/" * 12,
    )  # fmt: skip
    publication_expire(actor=None, item=job)
    publication_publish(actor=curator, item=job, note="Publicado de nuevo tras revisar el pago.")
    JobReport.objects.create(job=job, reason="scam", details="Pide dinero por adelantado.")
    pending = PublicationStatus.PENDING
    JobFactory(organization=job.organization, status=pending, title_es="Ayudante de cocina")

    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    names = [("es", "Historial", "Vista previa"), ("en", "History", "Preview")]
    for lang, history, preview in names:
        page.goto(f"/{lang}/jobs/{job.pk}/manage/")
        # Both scroll areas take keyboard focus and are named.
        for name in (history, preview):
            region = page.get_by_role("region", name=name)
            expect(region).to_have_attribute("tabindex", "0")
        expect(page.get_by_role("cell", name="Camino", exact=True)).to_be_visible()
        journey.visit(f"manage page {lang}")
        for path in ("review/", "jobs/review/", "jobs/reports/", "jobs/mine/"):
            page.goto(f"/{lang}/{path}")
            journey.visit(f"{path} {lang}")
    page.goto("/es/review/")
    expect(page.get_by_role("link", name="Ayudante de cocina")).to_be_visible()
    page.goto(f"/es/jobs/{job.pk}/manage/")
    page.get_by_label("Nota para quien lo envió (va en el correo)").fill("Es una estafa.")
    page.get_by_role("button", name="Retirar ahora").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Retirado por el equipo")
    expect(page.get_by_role("cell", name=re.compile("Rosa"))).to_have_count(2)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_partner_renews_a_job_that_expired_by_date(page, journey, lang):
    partner = MembershipFactory(user__email="socia@example.org").user
    job = JobFactory(organization=partner.memberships.get().organization, title_es="Jardinero")
    job.expires_on = job.published_at.date()
    job.save()
    publication_expire(actor=None, item=job)

    sign_in(page, "socia@example.org", PASSWORD)
    page.goto(f"/{lang}/jobs/{job.pk}/manage/")
    journey.visit(f"expired job {lang}")
    renew = {"es": "Renovar tal como está", "en": "Renew as it is"}[lang]
    page.get_by_role("button", name=renew).click()
    expect(page.locator(".manage-panel .badge")).to_have_text(
        {"es": "Publicado", "en": "Published"}[lang]
    )
    expect(page.get_by_role("button", name=renew)).to_have_count(0)
    journey.visit(f"renewed job {lang}")
