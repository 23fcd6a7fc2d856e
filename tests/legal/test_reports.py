"""Seekers report an entry from its page (rate-limited like job reports); staff see the
reports first and handle them, taking the entry down if need be."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.legal.models import LegalSearchEntry, ProviderReport
from apps.legal.summary import LegalToCurate
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def test_a_seeker_reports_an_entry_once_a_day(client):
    provider = ProviderFactory()
    data = {"reason": "charged_for_free_service", "details": "Me cobraron 200 dólares."}
    response = client.post(f"/es/legal/providers/{provider.pk}/report/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/es/legal/providers/{provider.pk}/"
    report = ProviderReport.objects.get()
    assert (report.provider, report.reason, report.reporter) == (
        provider, "charged_for_free_service", None,
    )  # fmt: skip
    assert AuditEntry.objects.filter(object_id=provider.pk, action="report").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Gracias" in page
    # The same person again: no second report, and they are told why.
    client.post(f"/es/legal/providers/{provider.pk}/report/", data)
    assert ProviderReport.objects.count() == 1


def test_a_report_without_a_reason_is_explained_and_keeps_the_details(client):
    provider = ProviderFactory()
    client.force_login(UserFactory())
    response = client.post(
        f"/es/legal/providers/{provider.pk}/report/", {"details": "Ya no existe la oficina"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Elija qué está mal para reportarlo." in page
    assert "Ya no existe la oficina" in page and '<details class="report" id="report" open>' in page
    assert not ProviderReport.objects.exists()


@pytest.mark.parametrize("reason", ["", "nonsense", "fraud' OR 1=1"])
def test_bad_reasons_are_refused_without_a_500(client, reason):
    provider = ProviderFactory()
    response = client.post(f"/es/legal/providers/{provider.pk}/report/", {"reason": reason})
    assert response.status_code == 200
    assert not ProviderReport.objects.exists()


def test_entries_that_are_not_listed_cannot_be_reported(client):
    draft = ProviderFactory(status="draft")
    response = client.post(f"/es/legal/providers/{draft.pk}/report/", {"reason": "fraud"})
    assert response.status_code == 404


def test_staff_see_unhandled_reports_first_and_handle_them(client):
    provider = ProviderFactory(organization__name="Notaría Rápida")
    other = ProviderFactory(organization__name="Centro Legal Sur")
    old = ProviderReport.objects.create(
        provider=other, reason="closed", created_at=timezone.now() - timedelta(days=5),
        resolved_at=timezone.now() - timedelta(days=4),
    )  # fmt: skip
    fraud = ProviderReport.objects.create(
        provider=provider, reason="fraud", details="Dice ser abogado y no lo es",
        created_at=timezone.now() - timedelta(days=9),
    )  # fmt: skip
    part = LegalToCurate().collect()
    assert part is not None and part.reports == 1
    curator = CuratorFactory()
    client.force_login(curator)
    page = client.get("/en/legal/reports/").content.decode()
    assert page.index("Notaría Rápida") < page.index("Centro Legal Sur")
    assert "Dice ser abogado y no lo es" in page

    response = client.post("/en/legal/reports/", {"report": fraud.pk, "take_down": "1"})
    assert response.status_code == 302
    fraud.refresh_from_db()
    provider.refresh_from_db()
    assert fraud.resolved_by == curator and fraud.resolved_at is not None
    assert provider.status == PublicationStatus.TAKEN_DOWN
    assert not LegalSearchEntry.objects.filter(pk=provider.pk).exists()
    assert client.get(f"/en/legal/providers/{provider.pk}/", follow=False).status_code == 200
    client.logout()
    assert client.get(f"/en/legal/providers/{provider.pk}/").status_code == 404
    assert old.resolved_at is not None


def test_marking_a_report_handled_keeps_the_entry_listed(client):
    provider = ProviderFactory()
    report = ProviderReport.objects.create(provider=provider, reason="wrong_information")
    client.force_login(CuratorFactory())
    client.post("/en/legal/reports/", {"report": report.pk})
    report.refresh_from_db()
    provider.refresh_from_db()
    assert report.resolved_at is not None and provider.status == PublicationStatus.PUBLISHED


@pytest.mark.parametrize("posted", ["", "abc", "-1", "999999"])
def test_handling_a_report_that_is_not_there_is_a_404(client, posted):
    client.force_login(CuratorFactory())
    assert client.post("/en/legal/reports/", {"report": posted}).status_code == 404
