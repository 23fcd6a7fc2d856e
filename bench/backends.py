"""An email backend for benchmarks: each message is turned into the bytes an SMTP server
would receive (the full cost of building it), then thrown away."""

from django.core.mail.backends.base import BaseEmailBackend


class RenderAndDiscardBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            message.message().as_bytes()
        return len(email_messages)
