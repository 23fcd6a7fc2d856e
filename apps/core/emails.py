"""Sending one email to one person, in that person's language. Every notice uses this."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from apps.accounts.models import User


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def send_email(*, to: User, template: str, context: dict) -> None:
    """Render `<template>_subject.txt` and `<template>_message.txt` in the recipient's
    language and send them. `context` may hold lazy values such as URLs built with reverse():
    they are resolved inside the recipient's language too."""
    with translation.override(to.preferred_language):
        context = {key: value() if callable(value) else value for key, value in context.items()}
        context["recipient"] = to
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_message.txt", context)
    EmailMessage(subject=" ".join(subject.split()), body=body, to=[to.email]).send()
