from celery import shared_task

from apps.legal.services import providers_expire_due


@shared_task
def expire_providers() -> None:
    """Daily: take off the legal help directory the entries not verified for a year."""
    providers_expire_due()
