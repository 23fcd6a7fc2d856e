import pytest

from apps.curation.items import item_ref, parse_item_ref
from apps.jobs.models import Job
from tests.jobs.factories import JobFactory


@pytest.mark.django_db
def test_a_reference_names_the_item_it_was_made_from():
    job = JobFactory()
    assert item_ref(job) == f"jobs.job:{job.pk}"
    assert parse_item_ref(item_ref(job)) == (Job, job.pk)


@pytest.mark.parametrize(
    "text",
    ["", "jobs.job", "jobs.job:", "jobs.job:0", "jobs.job:-1", "jobs.job:1x", "jobs.nothing:1",
     "nothing.job:1", "Jobs.Job:1", "jobs.job:12345678901234567890", " jobs.job:1", None],
)  # fmt: skip
def test_anything_else_is_not_an_item(text):
    assert parse_item_ref(text) is None
