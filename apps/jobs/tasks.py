from celery import shared_task

from apps.core.emails import absolute_url, send_email
from apps.jobs.models import Job
from apps.jobs.services import jobs_expire_due, jobs_warn_expiring


@shared_task
def expire_jobs() -> None:
    """Daily: take jobs past their date off the site, and warn submitters of jobs that
    expire soon, with a link to renew them."""
    jobs_expire_due()
    for job_id in jobs_warn_expiring():
        send_expiry_warning.delay(job_id)


@shared_task
def send_expiry_warning(job_id: int) -> None:
    job = Job.objects.select_related("created_by").filter(pk=job_id).first()
    if job is None or job.created_by is None:
        return
    send_email(
        to=job.created_by,
        template="jobs/email/expiry_warning",
        context={
            "job": job,
            "renew_url": lambda: absolute_url(job.get_renew_url()),
        },
    )
