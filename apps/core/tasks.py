from importlib import import_module

from celery import shared_task
from django.conf import settings


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions so the table does not grow without bound."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
