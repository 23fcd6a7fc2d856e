"""Writing one email to one person, in that person's language. Emails are sent through the
delivery log (apps.notifications), never directly."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from apps.accounts.models import User


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def render_email(*, to: User, template: str, context: dict, topic: str) -> EmailMultiAlternatives:
    """`<template>_subject.txt` and `<template>_message.txt` in the recipient's language,
    with a one-click unsubscribe from `topic` (link and List-Unsubscribe headers) and a
    link to the person's email preferences. Callables in `context` (URLs built with
    reverse(), say) are called in that language."""
    from apps.notifications.unsubscribe import make_token

    with translation.override(to.preferred_language):
        context = {key: value() if callable(value) else value for key, value in context.items()}
        unsubscribe_url = absolute_url(
            reverse("notifications:unsubscribe", args=[make_token(user_id=to.pk, topic=topic)])
        )
        context |= {
            "recipient": to,
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": absolute_url(reverse("notifications:preferences")),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
        # The HTML part is the same text, in paragraphs with clickable links: one source,
        # nothing fetched from elsewhere when it is opened.
        html = render_to_string(
            "notifications/email/layout.html",
            {"subject": subject, "body": body, "language": to.preferred_language},
        )
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[to.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


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
        topic="listing_notices",
        template="core/email/publication_notice",
        context={
            "action": entry.action,
            "note": entry.note,
            "item": item,
            "item_url": lambda: absolute_url(item.get_manage_url()),
        },
    )
