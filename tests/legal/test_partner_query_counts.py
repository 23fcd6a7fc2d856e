"""The partner's and staff's legal help pages run a fixed number of SQL queries, however many
places, hours, phones, accreditations and reports an entry has (as
tests/test_query_counts.py does for every app)."""

from datetime import time

import pytest

from apps.legal.models import ProviderReport
from apps.legal.services import provider_revision_start
from tests.accounts.factories import CuratorFactory
from tests.legal.factories import (
    AccreditationFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

PAGES = [
    ("member", "/es/legal/providers/{draft}/edit/", 8),
    ("member", "/es/legal/providers/{draft}/manage/", 12),
    ("member", "/es/legal/providers/{entry}/manage/", 13),
    ("curator", "/es/legal/providers/{entry}/manage/", 15),
    ("curator", "/es/legal/providers/{revision}/manage/", 26),
    ("curator", "/es/legal/reports/", 6),
    ("member", "/es/legal/providers/new/", 5),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    membership = MembershipFactory()
    organization = membership.organization
    entry = ProviderFactory()
    entry.organization.memberships.create(user=membership.user)
    draft = ProviderFactory(organization=organization, status="draft")
    revision = provider_revision_start(actor=membership.user, provider=entry)
    people = {"member": membership.user, "curator": CuratorFactory()}
    # "new": the member's other organization has no entry yet
    MembershipFactory(user=membership.user)

    def grow(count: int) -> None:
        for number in range(count):
            for provider in (entry, draft, revision):
                place = LocationFactory(provider=provider)
                ScheduleFactory(location=place, weekday=number % 7 + 1, opens_at=time(9))
                PhoneFactory(provider=provider, location=place if number % 2 else None)
                AccreditationFactory(provider=provider)
            ProviderReport.objects.create(provider=ProviderFactory(), reason="fraud")

    client.force_login(people[who])
    objects = {"entry": entry.pk, "draft": draft.pk, "revision": revision.pk}
    assert_query_count(url.format(**objects), expected, grow)
