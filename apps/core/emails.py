"""Writing one email to one person, in that person's language. Emails are sent through the
delivery log (apps.notifications), never directly."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from apps.accounts.models import User


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def render_email(*, to: User, template: str, context: dict) -> EmailMessage:
    """`<template>_subject.txt` and `<template>_message.txt` in the recipient's language.
    Callables in `context` (URLs built with reverse(), say) are called in that language."""
    with translation.override(to.preferred_language):
        context = {key: value() if callable(value) else value for key, value in context.items()}
        context["recipient"] = to
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_message.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to.email])


def publication_notice(params: dict):
    """To the submitter: their listing was published, rejected or expired."""
    from apps.core.models import AuditEntry
    from apps.notifications.kinds import Email

    entry = AuditEntry.objects.select_related("content_type").filter(pk=params["audit_entry"])
    entry = entry.first()
    item = entry and entry.subject
    if item is None:
        return None  # the listing is gone: nothing to say
    return Email(
        template="core/email/publication_notice",
        context={
            "action": entry.action,
            "note": entry.note,
            "item": item,
            "item_url": lambda: absolute_url(item.get_manage_url()),
        },
    )
