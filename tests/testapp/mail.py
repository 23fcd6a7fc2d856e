import os
import time

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend

from apps.notifications.registry import Email


class RefusingBackend(BaseEmailBackend):
    """An email server that refuses the connection, as a real one does when it is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("connection refused by the test email server")


class PacedFileBackend(FileBackend):
    """The file backend, taking CAMINO_EMAIL_DELAY seconds per email as a slow mail server
    does: long enough for a test to kill a worker in the middle of a batch."""

    def send_messages(self, email_messages):
        delay = float(os.environ.get("CAMINO_EMAIL_DELAY", "0"))
        sent = 0
        for message in email_messages:
            time.sleep(delay)
            sent += super().send_messages([message])
        return sent


def meeting_reminder(batch: list[dict]) -> list[Email | None]:
    """The writer of a reminder kind, as events and mentorship will have: dropped when the
    meeting was cancelled, deleted or moved since the reminder was scheduled."""
    from tests.testapp.models import Meeting

    meetings = Meeting.objects.in_bulk([params["meeting"] for params in batch])
    emails = []
    for params in batch:
        meeting = meetings.get(params["meeting"])
        current = (
            meeting is not None
            and not meeting.cancelled
            and meeting.starts_at.isoformat() == params["starts_at"]
        )
        emails.append(
            Email(
                template="testapp/email/meeting_reminder",
                context={"meeting": meeting},
                topic="listing_notices",
            )
            if current
            else None
        )
    return emails


class CountingBackend(BaseEmailBackend):
    """Counts the connections opened to it and the messages sent through them."""

    opened = 0
    sent: list = []

    def open(self):
        type(self).opened += 1
        return True

    def send_messages(self, email_messages):
        type(self).sent.extend(email_messages)
        return len(email_messages)
