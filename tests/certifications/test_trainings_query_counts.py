"""The training list and a training's page run an exact, known number of SQL queries, the
same with few trainings, start dates and credentials as with many."""

import pytest

from apps.certifications.models import TrainingStart
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import (
    CredentialFactory,
    TrainingFactory,
    days_from_today,
)
from tests.organizations.factories import MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCH = "q=osha&category=construction&within=30&max_cost=500&language=es&aid=on"
NEAR = "zip=60608&radius=25&sort=nearest"

PAGES = [
    # the page and its capped count in one query (apps.core.search.entries_page)
    ("anonymous", "/es/careers/trainings/", 2),
    ("anonymous", f"/es/careers/trainings/?{SEARCH}", 2),
    # nearest first: the page and its count in one query
    ("anonymous", f"/es/careers/trainings/?{NEAR}&credential={{credential}}&page=2", 3),
    ("curator", f"/es/careers/trainings/?{SEARCH}", 5),
    ("anonymous", "/es/careers/trainings/{training}/", 3),
    ("member", "/es/careers/trainings/{draft}/", 5),
    ("member", "/es/careers/trainings/mine/", 4),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_pages_run_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    membership = MembershipFactory()
    credential = CredentialFactory()
    training = TrainingFactory(credentials=[credential], aid_open_to_all=True, starts=[5, 40])
    draft = TrainingFactory(organization=membership.organization, status="draft")
    people = {"anonymous": None, "member": membership.user, "curator": CuratorFactory()}

    def grow(count):
        for _ in range(count):
            more = TrainingFactory(credentials=[credential], aid_open_to_all=True,
                                   organization=membership.organization)  # fmt: skip
            TrainingStart.objects.create(training=training, starts_on=days_from_today(60))
            TrainingStart.objects.create(training=more, starts_on=days_from_today(70))
            training.credentials.add(CredentialFactory())

    if people[who]:
        client.force_login(people[who])
    assert_query_count(
        url.format(training=training.pk, draft=draft.pk, credential=credential.slug),
        expected,
        grow,
    )
