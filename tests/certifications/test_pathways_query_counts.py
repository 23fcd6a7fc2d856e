"""The pathway pages run an exact, known number of SQL queries, the same with few jobs,
credentials, trainings and mentors as with many (the shared assert_query_count fixture,
tests/conftest.py): the pay is one stored row, every list is capped."""

import pytest

from apps.certifications.pay import pay_figures_refresh
from tests.accounts.factories import UserFactory
from tests.certifications.factories import CredentialFactory, TrainingFactory
from tests.jobs.factories import JobFactory
from tests.mentorship.factories import MentorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PAGES = [
    # the pay figures
    ("anonymous", "/es/careers/pathways/", 1),
    # pay, credentials, online trainings, jobs (the counts by label, the newest), mentors
    # (entries, mentors)
    ("anonymous", "/es/careers/pathways/construction/", 7),
    # near the ZIP code: the trainings near it (entries, trainings), the jobs' entries with
    # their distance before the jobs
    ("anonymous", "/es/careers/pathways/construction/?zip=60623", 10),
    ("anonymous", "/es/careers/pathways/construction/?zip=00000", 7),
    # and the session and the user
    ("seeker", "/en/careers/pathways/construction/?zip=60623", 12),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    if who == "seeker":
        client.force_login(UserFactory())

    def grow(count: int) -> None:
        for number in range(count):
            JobFactory(category="construction", pay_min=15 + number, pay_max=None)
            CredentialFactory(benefit=["required", "raises_pay", "opens_doors"][number % 3])
            TrainingFactory(zip_code="60623")
            TrainingFactory(online=True)
            MentorFactory(industries=["construction"])
        pay_figures_refresh()

    assert_query_count(url, expected, grow)
