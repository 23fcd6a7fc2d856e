from email import message_from_bytes, policy

import pytest
from django.utils import translation

from apps.notifications.emails import render_email
from apps.notifications.registry import Email
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_attachment_is_written_in_the_recipients_language_and_sent_with_the_email():
    email = Email(
        template="testapp/email/meeting_reminder",
        context={"meeting": {"title": "Taller"}},
        topic="listing_notices",
        attachments=(("cita.ics", translation.get_language, "text/calendar"),),
    )
    message = render_email(to=UserFactory(preferred_language="en"), email=email)
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    [attached] = [part for part in parsed.walk() if part.get_filename() == "cita.ics"]
    assert attached.get_content_type() == "text/calendar"
    assert attached.get_payload(decode=True).decode() == "en"
    assert "Taller" in parsed.get_body(("plain",)).get_content()
