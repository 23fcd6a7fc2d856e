"""The directory and provider pages run an exact, known number of SQL queries, the same with
few providers, services, places, hours and phones as with many (the shared
assert_query_count fixture, tests/conftest.py)."""

import pytest
from django.utils import timezone

from apps.core.indexing import search_index
from tests.accounts.factories import CuratorFactory
from tests.legal.factories import (
    AccreditationFactory,
    DetentionFacilityFactory,
    LocationFactory,
    PhoneFactory,
    ProviderFactory,
    ScheduleFactory,
)
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCH = "q=legal&service=asylum&language=es&cost=free&type=legal_aid&new_cases=1"
NEAR = "zip=60623&radius=25&sort=distance"

PAGES = [
    # the page and its capped count in one query (apps.core.search.entries_page)
    ("anonymous", "/es/legal/", 3),
    ("anonymous", f"/es/legal/?{SEARCH}", 3),
    # nearest first: the page and its count in one query
    ("anonymous", f"/es/legal/?{NEAR}&page=2&facility={{facility}}", 3),
    ("anonymous", "/es/legal/?walk_in_today=1&sort=verified", 3),
    ("anonymous", f"/es/legal/?view=print&{NEAR}", 6),
    ("curator", f"/es/legal/?{SEARCH}", 6),
    ("anonymous", "/es/legal/providers/{provider}/", 8),
    ("member", "/es/legal/providers/{draft}/", 10),
    ("curator", "/es/legal/providers/{provider}/", 12),
]


def provider_with_everything(**fields):
    provider = ProviderFactory(services=["asylum", "tps", "wage_theft"], **fields)
    for location in [provider.locations.get(), LocationFactory(provider=provider)]:
        # Today when the test runs (not when it was collected: a run may cross midnight).
        today = timezone.localdate().isoweekday()
        ScheduleFactory(location=location, weekday=today, attending_type="walk_in")
        PhoneFactory(provider=provider, location=location)
    PhoneFactory(provider=provider)
    AccreditationFactory(provider=provider)
    search_index(provider)  # with its hours
    return provider


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    membership = MembershipFactory()
    provider = provider_with_everything()
    draft = ProviderFactory(organization=membership.organization, status="draft")
    facility = DetentionFacilityFactory()
    provider.detention_facilities.add(facility)
    people = {"anonymous": None, "member": membership.user, "curator": CuratorFactory()}

    def grow(count: int) -> None:
        """`count` more providers near Pilsen, each with everything a page shows, and more
        of what the provider's page lists."""
        for _ in range(count):
            provider_with_everything().detention_facilities.add(facility)
            ScheduleFactory(location=LocationFactory(provider=provider), weekday=3)
            PhoneFactory(provider=provider)
            AccreditationFactory(provider=provider)
            provider.detention_facilities.add(DetentionFacilityFactory())

    if people[who]:
        client.force_login(people[who])
    assert_query_count(
        url.format(provider=provider.pk, draft=draft.pk, facility=facility.pk), expected, grow
    )
