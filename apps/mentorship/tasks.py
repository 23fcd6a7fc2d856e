from celery import shared_task

from apps.mentorship.services import matches_expire, matches_prompt_quiet


@shared_task
def expire_match_requests() -> None:
    """Hourly (beat): requests and proposals without an answer in 14 days end; the seeker
    is told."""
    matches_expire()


@shared_task
def prompt_quiet_matches() -> None:
    """Daily (beat): active matches quiet for 60 days ask both sides to go on or close."""
    matches_prompt_quiet()
