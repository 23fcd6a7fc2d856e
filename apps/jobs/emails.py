"""The emails about jobs. Each writer is given a batch of deliveries' parameters and loads
what they need in a fixed number of queries."""

from django.template.loader import render_to_string
from django.utils import translation

from apps.core.emails import absolute_url, page_url, url_of
from apps.core.models import PublicationStatus
from apps.jobs.models import Job, SavedSearch
from apps.jobs.selectors import JOB_CARD_FIELDS
from apps.notifications.registry import Email


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
            if current and job is not None  # (current implies a job; for the type checker)
            else None
        )
    return emails


def open_jobs(job_ids) -> dict[int, Job]:
    """The jobs among these that are still open, with what an email shows of them."""
    return (
        Job.objects.published()
        .filter(pk__in=job_ids)
        .only(*JOB_CARD_FIELDS, "updated_at")
        .select_related("organization")
        .in_bulk()
    )


# The lines of a job in an email, as written in this process: a batch of hundreds of emails
# lists the same jobs again and again. The key holds everything the lines show that can
# change, so an edited job is written anew.
_written_lines: dict[tuple, str] = {}


def job_email_lines(job: Job) -> str:
    """A job's lines in an email, in the current language: title, employer, work
    authorization, pay, place and link."""
    key = (job.pk, job.updated_at, job.organization.name, translation.get_language())
    if key not in _written_lines:
        if len(_written_lines) > 20_000:
            _written_lines.clear()
        _written_lines[key] = render_to_string(
            "jobs/email/job_lines.txt", {"job": job, "url": absolute_url(job.get_absolute_url())}
        ).strip()
    return _written_lines[key]


def job_alert(batch: list[dict]) -> list[Email | None]:
    """To a seeker: new jobs matching a saved search. Dropped if the search was deleted or
    none of the jobs is still open."""
    searches = SavedSearch.objects.in_bulk([params["search"] for params in batch])
    jobs = open_jobs({pk for params in batch for pk in params["jobs"]})
    searches_url = page_url("jobs:searches")
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
