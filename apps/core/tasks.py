from importlib import import_module

from celery import shared_task
from django.conf import settings

from apps.core.indexing import search_unlisted_remove


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions so the table does not grow without bound."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@shared_task
def remove_unlisted_search_entries() -> None:
    """Daily: entries of items no longer listed as time passed (search_unlisted_remove)."""
    search_unlisted_remove()
