"""The plan's pages run a fixed number of SQL queries with a short plan as with a long one
(the shared assert_query_count fixture, as tests/test_query_counts.py)."""

import pytest
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.certifications.factories import (
    CredentialFactory,
    PlanStepFactory,
    TrainingFactory,
)

pytestmark = pytest.mark.django_db

# signed in: the session and the person; then the steps with what they are linked to
PAGES = [("/es/careers/plan/", 3), ("/es/careers/plan/print/", 3),
         ("/es/careers/plan/{step}/edit/", 3), ("/es/careers/plan/{step}/delete/", 3)]  # fmt: skip


@pytest.mark.parametrize(("url", "expected"), PAGES)
def test_page_runs_a_fixed_number_of_queries(client, assert_query_count, url, expected):
    person = UserFactory()
    step = PlanStepFactory(user=person, credential=CredentialFactory())
    client.force_login(person)

    def grow(count: int) -> None:
        for _ in range(count):
            PlanStepFactory(
                user=person,
                target_date=timezone.localdate(),
                notes="Notas",
                credential=CredentialFactory(),
                training=TrainingFactory(),
            )
            PlanStepFactory(user=person, done=True, done_at=timezone.now())
            PlanStepFactory()  # someone else's

    assert_query_count(url.format(step=step.pk), expected, grow)
