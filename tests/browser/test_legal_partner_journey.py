"""Legal help entries kept true, in Chromium at phone width: a partner changes their opening
hours in Spanish, staff publish the change in English and the public page shows the new
hours; staff clear an entry from the stale queue. Every page passes the accessibility
check."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.legal.models import Provider
from tests.accounts.factories import PASSWORD, CuratorFactory
from tests.browser.conftest import sign_in, sign_out
from tests.legal.factories import ProviderFactory, ScheduleFactory
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_partner_changes_their_hours_and_staff_publish_them(page, journey):
    membership = MembershipFactory(
        user__email="ana@example.org", user__preferred_language="es",
        organization__name="Centro Legal Sin Fronteras",
    )  # fmt: skip
    provider = ProviderFactory(organization=membership.organization)
    ScheduleFactory(location=provider.locations.get(), weekday=1, opens_at=time(9),
                    closes_at=time(13))  # fmt: skip
    CuratorFactory(email="rosa@example.org")

    # The partner, in Spanish: from the public page to the entry's changes.
    sign_in(page, "ana@example.org", PASSWORD)
    page.goto(f"/es/legal/providers/{provider.pk}/")
    page.get_by_role("link", name="Administrar esta ficha").click()
    expect(page).to_have_url(re.compile(r"/providers/\d+/manage/$"))
    journey.visit("manage published entry es")
    page.get_by_role("button", name="Cambiar esta ficha").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Centro Legal Sin Fronteras")
    journey.visit("edit changes es")
    page.locator('[name="places-0-hours-0-opens_at"]').fill("10:00")
    page.locator('[name="places-0-hours-0-closes_at"]').fill("08:00")  # a mistake first
    page.get_by_role("button", name="Guardar borrador").click()
    expect(
        page.get_by_text("La hora de cierre debe ser después de la de apertura.")
    ).to_be_visible()
    expect(page.locator('[name="places-0-hours-0-opens_at"]')).to_have_value("10:00")
    journey.visit("edit error es")
    page.locator('[name="places-0-hours-0-closes_at"]').fill("15:00")
    page.get_by_role("button", name="Guardar borrador").click()
    expect(
        page.get_by_text("Cambios a la ficha publicada de Centro Legal Sin Fronteras")
    ).to_be_visible()
    page.get_by_role("button", name="Enviar a revisión").click()
    expect(page.get_by_role("status")).to_contain_text("Enviado a revisión")
    journey.visit("changes sent es")
    # The public still sees the old hours.
    revision = Provider.objects.get(revision_of=provider)
    assert revision.status == "pending"
    sign_out(page)
    page.goto(f"/es/legal/providers/{provider.pk}/")
    expect(page.locator("table.hours")).to_contain_text("9:00")

    # Staff, in English, publish the change.
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/en/review/legal/")
    page.get_by_role("link", name="Centro Legal Sin Fronteras").click()
    expect(
        page.get_by_text("Changes to the published entry of Centro Legal Sin Fronteras")
    ).to_be_visible()
    journey.visit("staff review changes en")
    page.get_by_role("button", name="Publish").click()
    expect(page).to_have_url(re.compile(rf"/en/legal/providers/{provider.pk}/manage/$"))
    journey.visit("staff after publishing en")
    page.get_by_role("link", name="See it as the public does").click()
    hours = page.locator("table.hours")
    expect(hours).to_contain_text(re.compile(r"10(:00)? a\.m\.–3(:00)? p\.m\."))
    expect(hours).not_to_contain_text("9 a.m.")
    journey.visit("public page new hours en")


def test_staff_clear_an_entry_from_the_stale_queue(page, journey):
    stale = ProviderFactory(
        organization__name="Clínica Comunitaria del Valle",
        verified_at=timezone.now() - timedelta(days=220),
    )  # fmt: skip
    CuratorFactory(email="rosa@example.org")
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/en/review/stale/legal-providers/")
    row = page.get_by_role("row").filter(has_text="Clínica Comunitaria del Valle")
    expect(row).to_be_visible()
    journey.visit("stale queue en")
    row.get_by_role("button", name=re.compile("Still correct")).click()
    expect(page.get_by_text("Marked as checked today")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Clínica Comunitaria del Valle")).to_have_count(
        0
    )
    journey.visit("stale queue cleared en")
    stale.refresh_from_db()
    assert stale.verified_at > timezone.now() - timedelta(minutes=5)
    assert (stale.expires_on - timezone.localdate()).days in (365, 366)
