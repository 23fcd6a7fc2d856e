from celery import shared_task

from apps.certifications.pay import pay_figures_refresh


@shared_task
def refresh_pay_figures() -> int:
    """What each kind of work pays now, from the current listings (apps.certifications.pay):
    hourly, so a pathway page reads stored figures instead of all the jobs."""
    return pay_figures_refresh()
