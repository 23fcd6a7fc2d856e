from importlib import import_module

from celery import shared_task
from django.conf import settings

from apps.core.emails import absolute_url, send_email
from apps.core.models import AuditEntry


@shared_task
def clear_expired_sessions() -> None:
    """Delete expired sessions so the table does not grow without bound."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()


@shared_task
def send_publication_notice(audit_entry_id: int) -> None:
    """Tell the person who submitted a listing that it was published, rejected or expired."""
    entry = AuditEntry.objects.select_related("content_type").filter(pk=audit_entry_id).first()
    item = entry and entry.subject
    if item is None or item.created_by is None:
        return  # the item or its submitter is gone: nothing to say
    send_email(
        to=item.created_by,
        template="core/email/publication_notice",
        context={
            "action": entry.action,
            "note": entry.note,
            "item": item,
            "item_url": lambda: absolute_url(item.get_manage_url()),
        },
    )
