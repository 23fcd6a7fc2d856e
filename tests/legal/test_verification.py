"""Staff verify entries (from the manage page or the shared stale queue); an entry not
verified for a year leaves the directory and its submitter is told why and how to get it
back; expired representative accreditations are flagged to staff."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.verification import checked_types, overdue
from apps.legal.models import LegalSearchEntry
from apps.legal.services import provider_revision_start
from apps.legal.summary import LegalToCurate
from apps.legal.tasks import expire_providers
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.legal.factories import AccreditationFactory, ProviderFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
today = timezone.localdate


def test_staff_record_what_they_verified_and_the_entry_is_listed_another_year(client):
    provider = ProviderFactory(verified_at=timezone.now() - timedelta(days=300))
    curator = CuratorFactory()
    client.force_login(curator)
    response = client.post(
        f"/en/legal/providers/{provider.pk}/verify/",
        {"verified_what": ["address", "hours"], "note": "Called the intake line"},
    )
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.verified_by == curator
    assert provider.verified_at > timezone.now() - timedelta(minutes=1)
    assert provider.verified_what == ["address", "hours"]
    assert provider.expires_on == today().replace(year=today().year + 1) or (
        provider.expires_on - today()
    ).days in (365, 366)
    entry = LegalSearchEntry.objects.get(pk=provider.pk)
    assert entry.verified_at == provider.verified_at and entry.expires_on == provider.expires_on
    audit = AuditEntry.objects.get(object_id=provider.pk, action="still_correct")
    assert audit.actor == curator and audit.note == "address, hours"
    page = client.get(f"/en/legal/providers/{provider.pk}/").content.decode()
    assert "address, opening hours" in page


def test_verifying_nothing_is_explained_in_spanish(client):
    provider = ProviderFactory()
    before = provider.verified_at
    client.force_login(CuratorFactory())
    response = client.post(f"/es/legal/providers/{provider.pk}/verify/", {"note": "x"})
    assert response.status_code == 200
    assert "Elija qué verificó." in response.content.decode()
    provider.refresh_from_db()
    assert provider.verified_at == before


def test_the_stale_queue_holds_published_entries_not_verified_for_six_months(client, settings):
    settings.LEGAL_STALE_AFTER_MONTHS = 6
    stale = ProviderFactory(verified_at=timezone.now() - timedelta(days=200))
    never = ProviderFactory(verified_at=None)
    ProviderFactory(verified_at=timezone.now() - timedelta(days=20))  # fresh
    ProviderFactory(verified_at=None, status="draft")  # not listed
    kind = checked_types["legal-providers"]
    revision = provider_revision_start(actor=CuratorFactory(), provider=stale)
    assert list(overdue(kind)) == [never, stale]
    assert revision not in overdue(kind)

    client.force_login(CuratorFactory())
    page = client.get("/en/review/stale/legal-providers/").content.decode()
    assert stale.name in page and never.name in page
    response = client.post(f"/en/review/stale/legal-providers/{stale.pk}/")
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.verified_at > timezone.now() - timedelta(minutes=1)
    assert (stale.expires_on - today()).days in (365, 366)
    assert LegalSearchEntry.objects.get(pk=stale.pk).expires_on == stale.expires_on
    assert list(overdue(kind)) == [never]


@pytest.mark.parametrize(
    ("language", "subject", "why", "how"),
    [
        ("es", "Falta verificar, ya no aparece", "no ha podido verificar",
         "Comuníquese con nuestro equipo"),
        ("en", "Verification due, no longer listed", "have not been able to verify",
         "Contact our staff"),
    ],
)  # fmt: skip
def test_entries_not_verified_for_a_year_leave_and_the_partner_is_told_why(
    django_capture_on_commit_callbacks, language, subject, why, how
):
    submitter = UserFactory(preferred_language=language)
    old = ProviderFactory(
        created_by=submitter, verified_at=timezone.now() - timedelta(days=400),
        expires_on=today() - timedelta(days=1),
    )  # fmt: skip
    current = ProviderFactory()
    with django_capture_on_commit_callbacks(execute=True):
        expire_providers()
    old.refresh_from_db()
    current.refresh_from_db()
    assert (old.status, current.status) == (PublicationStatus.EXPIRED, PublicationStatus.PUBLISHED)
    assert list(LegalSearchEntry.objects.values_list("pk", flat=True)) == [current.pk]
    [message] = mail.outbox
    assert subject in message.subject
    body = " ".join(message.body.split())
    assert why in body and how in body and old.name in body


def test_expired_accreditations_are_flagged_to_staff_and_said_on_the_public_page(client):
    provider = ProviderFactory()
    AccreditationFactory(provider=provider, expires_on=today() - timedelta(days=3))
    ProviderFactory(status="pending")
    client.force_login(CuratorFactory())
    manage = client.get(f"/en/legal/providers/{provider.pk}/manage/").content.decode()
    assert "accreditation has expired" in manage
    client.logout()
    page = client.get(f"/en/legal/providers/{provider.pk}/").content.decode()
    assert "Accreditation expired on" in page

    part = LegalToCurate().collect()
    assert part is not None
    assert (part.context["pending_count"], part.context["expired_accreditations"]) == (1, 1)
    assert part.waiting == 1


def test_the_summary_has_no_legal_part_when_nothing_is_waiting():
    ProviderFactory()
    assert LegalToCurate().collect() is None


def test_only_staff_verify(client):
    membership = MembershipFactory()
    provider = ProviderFactory(organization=membership.organization)
    client.force_login(membership.user)
    response = client.post(
        f"/es/legal/providers/{provider.pk}/verify/", {"verified_what": ["address"]}
    )
    assert response.status_code == 403
    manage = client.get(f"/es/legal/providers/{provider.pk}/manage/").content.decode()
    assert "verified_what" not in manage
