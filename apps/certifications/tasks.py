from celery import shared_task

from apps.certifications.pay import pay_figures_refresh
from apps.certifications.training_services import trainings_expire_due, trainings_next_start_move


@shared_task
def refresh_pay_figures() -> int:
    """What each kind of work pays now, from the current listings (apps.certifications.pay):
    hourly, so a pathway page reads stored figures instead of all the jobs."""
    return pay_figures_refresh()


@shared_task
def move_training_starts() -> None:
    """Daily (beat): trainings whose next start date passed show their next one, or leave
    the list when none is left (their pages stay); trainings past their listing date
    expire."""
    trainings_next_start_move()
    trainings_expire_due()
