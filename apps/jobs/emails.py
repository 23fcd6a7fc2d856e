"""The emails about jobs. Each writer is given a batch of deliveries' parameters and loads
what they need in a fixed number of queries."""

from collections.abc import Callable

from django.template.loader import render_to_string
from django.urls import reverse

from apps.core.emails import absolute_url, per_language, url_of
from apps.core.models import PublicationStatus
from apps.jobs.models import Job, SavedSearch
from apps.jobs.selectors import JOB_CARD_FIELDS
from apps.notifications.kinds import Email


def expiry_warning(batch: list[dict]) -> list[Email | None]:
    """To the submitter: the job ends soon; renew it. Dropped if it was renewed, taken
    down or deleted in the meantime."""
    jobs = Job.objects.in_bulk([params["job"] for params in batch])
    emails = []
    for params in batch:
        job = jobs.get(params["job"])
        current = (
            job is not None
            and job.status == PublicationStatus.PUBLISHED
            and str(job.expires_on) == params["expires_on"]  # else renewed since
        )
        emails.append(
            Email(
                topic="listing_notices",
                template="jobs/email/expiry_warning",
                context={"job": job, "renew_url": url_of(job.get_renew_url)},
            )
            if current
            else None
        )
    return emails


def open_jobs(job_ids) -> dict[int, Job]:
    """The jobs among these that are still open, with what an email shows of them."""
    return (
        Job.objects.published()
        .filter(pk__in=job_ids)
        .only(*JOB_CARD_FIELDS)
        .select_related("organization")
        .in_bulk()
    )


def job_lines(jobs) -> Callable[[], dict[int, str]]:
    """Each job's lines in an email ({job id: text}), written once per language for a whole
    batch of emails, however many of them list the job."""
    return per_language(
        lambda: {
            job.pk: render_to_string(
                "jobs/email/job_lines.txt",
                {"job": job, "url": absolute_url(job.get_absolute_url())},
            )
            for job in jobs
        }
    )


def job_alert(batch: list[dict]) -> list[Email | None]:
    """To a seeker: new jobs matching a saved search. Dropped if the search was deleted or
    none of the jobs is still open."""
    searches = SavedSearch.objects.in_bulk([params["search"] for params in batch])
    jobs = open_jobs({pk for params in batch for pk in params["jobs"]})
    lines = job_lines(jobs.values())
    searches_url = per_language(lambda: absolute_url(reverse("jobs:searches")))
    emails = []
    for params in batch:
        search = searches.get(params["search"])
        listed = newest_first(jobs[pk] for pk in params["jobs"] if pk in jobs)
        emails.append(
            Email(
                topic="job_alerts",
                template="jobs/email/job_alert",
                context={
                    "search": search,
                    "jobs": listed,
                    "job_lines": lines,
                    "search_url": url_of(search.get_absolute_url),
                    "searches_url": searches_url,
                },
            )
            if search and listed
            else None
        )
    return emails


def newest_first(jobs) -> list[Job]:
    return sorted(jobs, key=lambda job: (job.published_at, job.pk), reverse=True)
