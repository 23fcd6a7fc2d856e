"""The legal help directory of the demo (apps/legal/demo/providers.json, through the shared
loader)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.legal.models import LegalSearchEntry, Provider, ProviderType
from apps.legal.vocabulary import ServiceCode
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_providers_of_every_kind_service_and_city(demo):
    providers = Provider.objects.all()
    assert providers.count() >= 30
    assert set(providers.values_list("provider_type", flat=True)) == set(ProviderType.values)
    codes = set(providers.values_list("services__code", flat=True))
    assert codes == set(ServiceCode.values)
    cities = set(providers.values_list("locations__city", flat=True))
    assert {"Chicago", "Los Angeles", "Houston", "Miami", "New York", "Phoenix", "Atlanta",
            "Denver"} <= cities  # fmt: skip
    assert {"mam", "quc", "mix", "zap", "nah", "qu"} <= {
        code for provider in providers for code in provider.languages
    }
    assert all(p.description_es and p.description_en for p in providers)


def test_fresh_stale_and_expired_entries(demo):
    now = timezone.now()
    listed = Provider.objects.listed()
    assert listed.filter(verified_at__gte=now - timedelta(days=60)).count() >= 10
    stale = listed.stale()
    assert stale.count() >= 3 and all(
        now - timedelta(days=335) < p.verified_at < now - timedelta(days=180) for p in stale
    )
    expired = Provider.objects.filter(status="published", expires_on__lt=timezone.localdate())
    assert expired.count() == 1
    # Listed: indexed with their services and place; the expired one is not.
    entries = LegalSearchEntry.objects.all()
    assert set(entries.values_list("pk", flat=True)) == set(listed.values_list("pk", flat=True))
    assert not entries.filter(services=0).exists() and not entries.filter(latitude=None).exists()


def test_one_expired_representative_and_a_partners_entry(demo):
    flagged = [p.name for p in Provider.objects.all() if p.has_expired_accreditation]
    assert flagged == ["Albany Park Immigrant Services"]
    partner_entry = Provider.objects.get(organization__memberships__user__email="ana@example.org")
    assert partner_entry.is_public and partner_entry.walk_in
