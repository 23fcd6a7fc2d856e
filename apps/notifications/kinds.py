"""Every kind of email Camino sends, and the function that writes it. A writer is given the
parameters (ids) of a batch of deliveries of its kind and returns, in the same order, an
Email for each, or None when that email no longer makes sense (what it is about was
cancelled, deleted or has changed): the delivery is then dropped, not sent. A writer loads
what the whole batch needs at once, so a batch costs the same few queries whatever its size."""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Email:
    template: str  # renders <template>_subject.txt and <template>_message.txt
    context: dict  # callables are called inside the recipient's language
    topic: str  # what the recipient turns off to stop emails like this (models.Topic)
    # When every email of the batch has the same subject: a callable that writes it in the
    # current language (apps.core.emails.per_language), instead of rendering
    # <template>_subject.txt for each email.
    subject: Callable[[], str] | None = None


KINDS = {
    "publication_notice": "apps.core.emails.publication_notice",
    "expiry_warning": "apps.jobs.emails.expiry_warning",
    "job_alert": "apps.jobs.emails.job_alert",
    "staff_summary": "apps.notifications.summary.staff_summary",
    "weekly_digest": "apps.notifications.digest.weekly_digest",
}


def writer(kind: str):
    module, name = KINDS[kind].rsplit(".", 1)
    return getattr(import_module(module), name)
