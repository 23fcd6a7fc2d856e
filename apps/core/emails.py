"""Writing one email to one person, in that person's language. Emails are sent through the
delivery log (apps.notifications), never directly."""

import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.accounts.models import User

T = TypeVar("T")


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def url_of(get_path: Callable[[], str]) -> Callable[[], str]:
    """The absolute URL of a path, built in the email's language when the email is written
    (Camino's paths start with the language)."""
    return lambda: absolute_url(get_path())


def page_url(name: str, *args) -> Callable[[], str]:
    """The absolute URL of a named page, in the email's language when it is written."""
    return lambda: absolute_url(localized_path(name, *args))


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


# Stands for a signed token (letters, digits, "-_:") in a path reversed once per language.
SLOT = "slot"


def localized_path(name: str, *args) -> str:
    """reverse() in the active language, remembered: every email links to the same few
    pages, and reversing Camino's translated URLs costs more than writing a line of text."""
    return _reverse_in(translation.get_language(), name, args)


@cache
def _reverse_in(language: str, name: str, args: tuple) -> str:
    return reverse(name, args=args)


LINK = re.compile(r"https?://[^\s<>\"']+")


def text_to_html(text: str) -> str:
    """An email's plain text as HTML: paragraphs at blank lines, line breaks kept, links
    clickable. Camino's emails put each link on its own or after a colon, so one pattern
    finds them (Django's urlize, made for any text, costs more than the whole email)."""
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", escape(text.strip())):
        linked = LINK.sub(lambda link: f'<a href="{link[0]}">{link[0]}</a>', paragraph)
        paragraphs.append(f"<p>{linked.replace(chr(10), '<br>')}</p>")
    return mark_safe("\n".join(paragraphs))  # noqa: S308 - built from escaped text


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
        token = make_token(user_id=to.pk, topic=topic)
        unsubscribe_url = absolute_url(
            localized_path("notifications:unsubscribe", SLOT).replace(SLOT, token)
        )
        context |= {
            "recipient": to,
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": absolute_url(localized_path("notifications:preferences")),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_message.txt", context)
        # The HTML part is the same text, in paragraphs with clickable links: one source,
        # nothing fetched from elsewhere when it is opened.
        html = render_to_string(
            "notifications/email/layout.html",
            {"subject": subject, "body": text_to_html(body), "language": to.preferred_language},
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
