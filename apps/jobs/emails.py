from django.urls import reverse

from apps.core.emails import absolute_url
from apps.core.models import PublicationStatus
from apps.jobs.models import Job, SavedSearch
from apps.jobs.selectors import JOB_CARD_FIELDS
from apps.notifications.kinds import Email


def expiry_warning(params: dict) -> Email | None:
    """To the submitter: the job ends soon; renew it. Dropped if it was renewed, taken
    down or deleted in the meantime."""
    job = Job.objects.filter(pk=params["job"]).first()
    if job is None or job.status != PublicationStatus.PUBLISHED:
        return None
    if str(job.expires_on) != params["expires_on"]:
        return None  # renewed since: the warning is about an old date
    return Email(
        topic="listing_notices",
        template="jobs/email/expiry_warning",
        context={"job": job, "renew_url": lambda: absolute_url(job.get_renew_url())},
    )


def job_alert(params: dict) -> Email | None:
    """To a seeker: new jobs matching a saved search. Dropped if the search was deleted or
    none of the jobs is still open."""
    search = SavedSearch.objects.filter(pk=params["search"]).first()
    if search is None:
        return None
    jobs = list(
        Job.objects.published()
        .filter(pk__in=params["jobs"])
        .only(*JOB_CARD_FIELDS)
        .select_related("organization")
        .order_by("-published_at", "-id")
    )
    if not jobs:
        return None
    return Email(
        topic="job_alerts",
        template="jobs/email/job_alert",
        context={
            "search": search,
            "jobs": jobs,
            "search_url": lambda: absolute_url(search.get_absolute_url()),
            "job_urls": lambda: {job.pk: absolute_url(job.get_absolute_url()) for job in jobs},
            "searches_url": lambda: absolute_url(reverse("jobs:searches")),
        },
    )
