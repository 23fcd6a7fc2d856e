"""Every page of the jobs issue runs the same number of SQL queries with few or many jobs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.jobs.models import JobReport, SavedJob
from tests.accounts.factories import CuratorFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_jobs(count: int, membership, curator) -> None:
    """Jobs in every state the pages show: published, saved, reported, pending review."""
    for job in JobFactory.create_batch(count, organization=membership.organization):
        SavedJob.objects.create(user=membership.user, job=job)
        JobReport.objects.create(job=job, reason="scam")
    JobFactory.create_batch(count, organization=membership.organization, status="pending")


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("anonymous", "/es/jobs/feed/?q=ayudante&authorization=open"),
        ("anonymous", "/es/organizations/{org}/"),
        ("member", "/es/jobs/saved/"),
        ("member", "/es/jobs/mine/"),
        ("member", "/es/jobs/{job}/manage/"),
        ("member", "/es/organizations/mine/"),
        ("curator", "/es/jobs/review/"),
        ("curator", "/es/jobs/reports/"),
        ("curator", "/es/jobs/{job}/manage/"),
        ("curator", "/es/review/"),
    ],
)
def test_pages_run_a_fixed_number_of_queries(client, who, url):
    membership = MembershipFactory()
    curator = CuratorFactory()
    job = JobFactory(organization=membership.organization)
    url = url.format(job=job.pk, org=membership.organization.slug)
    if who != "anonymous":
        client.force_login(membership.user if who == "member" else curator)

    add_jobs(2, membership, curator)
    queries(client, url)  # warm the per-process caches (content types, translations)
    few = queries(client, url)
    add_jobs(25, membership, curator)
    assert queries(client, url) == few


def test_the_feed_honours_the_search_filters(client):
    JobFactory(title_en="Open cook", title_es="", work_authorization="open")
    JobFactory(title_en="EAD cook", title_es="", work_authorization="ead")
    JobFactory(title_en="Open driver", title_es="", work_authorization="open")

    feed = client.get("/en/jobs/feed/?q=cook&authorization=open")

    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Open cook · Open to all" in body
    assert "EAD cook" not in body and "Open driver" not in body
