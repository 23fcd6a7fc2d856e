from apps.core.emails import absolute_url
from apps.core.models import PublicationStatus
from apps.jobs.models import Job
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
        template="jobs/email/expiry_warning",
        context={"job": job, "renew_url": lambda: absolute_url(job.get_renew_url())},
    )
