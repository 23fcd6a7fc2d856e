from celery import shared_task

from apps.jobs.services import job_alerts_queue, jobs_expire_due, jobs_warn_expiring


@shared_task
def expire_jobs() -> None:
    """Daily: take jobs past their date off the site, and warn the submitters of jobs that
    end soon, with a link to renew them."""
    jobs_expire_due()
    jobs_warn_expiring()


@shared_task
def send_job_alerts(frequency: str) -> None:
    """Daily and weekly (beat): queue the alerts of the saved searches with new jobs."""
    job_alerts_queue(frequency=frequency)
