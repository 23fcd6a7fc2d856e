"""Writing one email to one person, in that person's language. Emails are sent through the
delivery log (apps.notifications), never directly."""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from apps.accounts.models import User

T = TypeVar("T")


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def url_of(get_path: Callable[[], str]) -> Callable[[], str]:
    """The absolute URL of a path, built in the email's language when the email is written
    (Camino's paths start with the language)."""
    return lambda: absolute_url(get_path())


def per_language(build: Callable[[], T]) -> Callable[[], T]:
    """`build` called at most once per language: what many emails of a batch share (links,
    a job's lines) is written once per language, not once per email."""
    built: dict[str, T] = {}

    def in_current_language() -> T:
        language = translation.get_language()
        if language not in built:
            built[language] = build()
        return built[language]

    return in_current_language


def render_email(
    *, to: User, template: str, context: dict, topic: str, connection=None
) -> EmailMultiAlternatives:
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
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def publication_notice(batch: list[dict]) -> list:
    """To the submitter: their listing was published, rejected or expired. Dropped if the
    listing is gone."""
    from apps.core.models import AuditEntry
    from apps.notifications.kinds import Email

    entries = (
        AuditEntry.objects.filter(pk__in=[params["audit_entry"] for params in batch])
        .prefetch_related("subject")
        .in_bulk()
    )
    emails = []
    for params in batch:
        entry = entries.get(params["audit_entry"])
        item = entry and entry.subject
        if item is None:
            emails.append(None)
            continue
        emails.append(
            Email(
                topic="listing_notices",
                template="core/email/publication_notice",
                context={
                    "action": entry.action,
                    "note": entry.note,
                    "item": item,
                    "item_url": url_of(item.get_manage_url),
                },
            )
        )
    return emails
