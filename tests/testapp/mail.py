import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend

from apps.notifications.registry import Email


class RefusingBackend(BaseEmailBackend):
    """An email server that refuses the connection, as a real one does when it is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("connection refused by the test email server")


class PausingFileBackend(FileBackend):
    """The file backend. With CAMINO_EMAIL_PAUSE_AFTER=n, a connection that has sent n emails
    stops before the next one for good, once it has written a file `paused` beside them: a
    test can kill the worker at a moment it knows, between two emails. (A kill between an
    email going out and the worker recording it makes a second copy that nothing can
    prevent; a test that waited for a number of emails could land in that gap when the
    machine was busy.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pause_after = int(os.environ.get("CAMINO_EMAIL_PAUSE_AFTER") or 0)  # 0: never
        self.sent = 0

    def send_messages(self, email_messages):
        before = self.sent
        for message in email_messages:
            if self.pause_after and self.sent == self.pause_after:
                Path(self.file_path, "paused").touch()
                time.sleep(3600)  # until the test kills the worker
            self.sent += super().send_messages([message])
        return self.sent - before


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
