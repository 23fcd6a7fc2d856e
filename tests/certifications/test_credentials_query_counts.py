"""The credentials' pages run a fixed number of SQL queries, with few credentials and rules
as with many (the shared assert_query_count fixture, as tests/test_query_counts.py)."""

import pytest

from apps.core.us import State
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import CredentialFactory, StateRuleFactory

pytestmark = pytest.mark.django_db

STATES = list(State.values)

PAGES = [
    # the entries' page with their capped count in one query, then the credentials
    ("anonymous", "/es/careers/credentials/", 2),
    ("anonymous", "/es/careers/credentials/?q=credencial&sort=relevance", 2),
    # ... and the chosen state's rules
    ("anonymous", "/es/careers/credentials/?state=CA&rule=checked&language=es&cost=500", 3),
    ("anonymous", "/es/careers/credentials/?state=NY", 3),
    ("anonymous", "/es/careers/credentials/{slug}/", 3),  # with the trainings that prepare for it
    ("anonymous", "/es/careers/credentials/{slug}/?state=TX", 3),
    # signed in: the session, the person, and whether they are staff (curator, 2FA)
    ("curator", "/es/careers/credentials/{slug}/", 7),
    ("curator", "/es/careers/credentials/staff/", 6),
    # the credential, and its rules with who checked them
    ("curator", "/es/careers/credentials/staff/{pk}/", 6),
    ("curator", "/es/careers/credentials/rules/{rule}/", 5),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    curator = CuratorFactory()
    credential = CredentialFactory()
    rule = StateRuleFactory(credential=credential, checked_by=curator)
    made = {"rules": 1}

    def grow(count: int) -> None:
        """`count` more credentials (each with a rule in California), and `count` more rules
        of the credential on the page, each checked by someone else."""
        for _ in range(count):
            StateRuleFactory(state="CA")
        for _ in range(count):
            state = STATES[made["rules"] % len(STATES)]
            if state != "CA":
                StateRuleFactory(credential=credential, state=state)
            made["rules"] += 1
        CredentialFactory.create_batch(count, published=False)

    if who == "curator":
        client.force_login(curator)
    assert_query_count(
        url.format(slug=credential.slug, pk=credential.pk, rule=rule.pk), expected, grow
    )
