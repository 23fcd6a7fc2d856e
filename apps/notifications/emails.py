"""Writing one email to one person, in that person's language, with what every Camino email
carries: a one-click unsubscribe from its topic and a link to the person's preferences."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from apps.accounts.models import User
from apps.core.emails import (
    SLOT,
    absolute_url,
    localized_path,
    render_subject,
    shared_part,
    text_to_html,
)
from apps.core.mime import CaminoEmail
from apps.notifications.registry import Email
from apps.notifications.unsubscribe import make_token


def render_email(*, to: User, email: Email, connection=None) -> CaminoEmail:
    """An Email (apps.notifications.registry) written to one person in their language:
    `<template>_subject.txt` (unless the Email brings its subject) and
    `<template>_message.txt`, with a one-click unsubscribe from its topic (link and
    List-Unsubscribe headers) and a link to the person's email preferences. Callables in
    the context (URLs built with reverse(), say) are called in that language."""
    with translation.override(to.preferred_language):
        context = {
            key: value() if callable(value) else value for key, value in email.context.items()
        }
        token = make_token(user_id=to.pk, topic=email.topic)
        unsubscribe_url = absolute_url(
            localized_path("notifications:unsubscribe", SLOT).replace(SLOT, token)
        )
        context |= {
            "recipient": to,
            "footer": shared_part(
                "notifications/email/footer.txt",
                unsubscribe_url=unsubscribe_url,
                preferences_url=absolute_url(localized_path("notifications:preferences")),
            ),
        }
        subject = email.subject() if email.subject else render_subject(email.template, context)
        body = render_to_string(f"{email.template}_message.txt", context)
        # The HTML part is the same text, in paragraphs with clickable links: one source,
        # nothing fetched from elsewhere when it is opened.
        html = shared_part(
            "notifications/email/layout.html",
            subject=escape(subject),
            body=text_to_html(body),
            language=to.preferred_language,
        )
        attachments = [
            (name, content() if callable(content) else content, mimetype)
            for name, content, mimetype in email.attachments
        ]
    message = CaminoEmail(
        subject=subject,
        body=body,
        html=html,
        to=[to.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    for attachment in attachments:
        message.attach(*attachment)
    return message
