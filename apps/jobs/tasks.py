from celery import shared_task

from apps.jobs.services import jobs_expire_due, jobs_warn_expiring


@shared_task
def expire_jobs() -> None:
    """Daily: take jobs past their date off the site, and warn the submitters of jobs that
    end soon, with a link to renew them."""
    jobs_expire_due()
    jobs_warn_expiring()
