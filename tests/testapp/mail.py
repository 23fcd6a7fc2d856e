from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """An email server that refuses the connection, as a real one does when it is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("connection refused by the test email server")
