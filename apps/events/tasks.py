from celery import shared_task

from apps.events.registrations import attendance_lists_erase, offers_expire


@shared_task
def expire_offers() -> None:
    """Every few minutes (beat): seats offered and not confirmed in time go to the next
    person waiting."""
    offers_expire()


@shared_task
def erase_attendance_lists() -> None:
    """Daily (beat): who attended an event is forgotten EVENT_ATTENDANCE_RETENTION_DAYS after
    it; the counts stay."""
    attendance_lists_erase()
