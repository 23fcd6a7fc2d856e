from celery import shared_task

from apps.certifications.training_services import trainings_expire_due, trainings_next_start_move


@shared_task
def move_training_starts() -> None:
    """Daily (beat): trainings whose next start date passed show their next one, or leave
    the list when none is left (their pages stay); trainings past their listing date
    expire."""
    trainings_next_start_move()
    trainings_expire_due()
