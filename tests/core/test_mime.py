"""Camino writes its emails' MIME itself (apps.core.mime). These tests read what it writes
back with Python's own email parser, compare it with what Django's general writer makes of
the same email, and send it through a real SMTP conversation."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection

from apps.core.mime import CaminoEmail

SUBJECT = "Novedades para usted en Camino, 9 – 15 de noviembre: 10 empleos de cocina y más"
BODY = "Hola, Ñandú:\n\n* Cocinero · Panadería Las Flores\n  $18–$20 por hora\n\n--\nAdiós\n"
HTML = "<p>Hola, Ñandú:</p>\n<p>* Cocinero · Panadería Las Flores<br>\n$18–$20 por hora</p>"
HEADERS = {
    "List-Unsubscribe": "<http://127.0.0.1:8000/es/notifications/unsubscribe/"
    "eyJ1c2VyIjoxLCJ0b3BpYyI6IndlZWtseV9kaWdlc3QifQ:1xV0Jj:68B_woslW3neoLuzMyQbHVACpHPEx/>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}


def camino_email(**changes) -> CaminoEmail:
    fields = {"subject": SUBJECT, "body": BODY, "html": HTML, "to": ["ana@example.org"],
              "headers": HEADERS} | changes  # fmt: skip
    return CaminoEmail(**fields)


def parsed(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)


def readable(message: email.message.EmailMessage) -> dict:
    """What a mail program shows of a message (whatever the line endings on the wire)."""
    return {
        **{
            header: message[header].strip()
            for header in ["Subject", "From", "To", "List-Unsubscribe", "List-Unsubscribe-Post"]
        },
        "type": message.get_content_type(),
        "text": message.get_body(("plain",)).get_content().replace("\r\n", "\n"),
        "html": message.get_body(("html",)).get_content().replace("\r\n", "\n"),
    }


@pytest.mark.parametrize("linesep", ["\r\n", "\n"])
def test_reads_back_as_the_same_email_that_djangos_writer_makes(linesep, settings):
    settings.DEFAULT_FROM_EMAIL = "Camino Niños <no-reply@camino.example>"
    ours = camino_email()
    django_standard = EmailMultiAlternatives(SUBJECT, BODY, to=["ana@example.org"],
                                             headers=HEADERS)  # fmt: skip
    django_standard.attach_alternative(HTML, "text/html")

    mine = readable(parsed(ours.message().as_bytes(linesep=linesep)))
    assert mine == readable(parsed(django_standard.message().as_bytes(linesep=linesep)))
    assert mine["Subject"] == SUBJECT
    assert mine["From"] == "Camino Niños <no-reply@camino.example>"
    assert mine["text"] == BODY
    assert mine["type"] == "multipart/alternative"


def test_lines_are_within_the_limits_of_mail_servers():
    subject = " ".join(["Cocinero de línea"] * 20)
    raw = camino_email(subject=subject).message().as_bytes(linesep="\r\n")
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # no bare line feeds on the wire
    assert max(len(line) for line in lines) <= 998
    header = raw.split(b"\r\n\r\n")[0].split(b"\r\n")
    # Header lines are folded to 78 characters, except a long link, which is one word.
    assert [line for line in header if len(line) > 78] == [
        line for line in header if line.startswith(b"List-Unsubscribe:")
    ]
    assert parsed(raw)["Subject"] == subject


def test_a_very_long_line_is_sent_quoted_printable_and_reads_back_unchanged():
    note = "Revise la descripción del puesto " * 80  # a curator's note on one line
    raw = camino_email(body=f"Nota:\n{note}\n").message().as_bytes(linesep="\r\n")

    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert b"Content-Transfer-Encoding: quoted-printable" in raw
    assert readable(parsed(raw))["text"] == f"Nota:\n{note}\n"


def test_a_header_with_a_line_break_is_refused():
    with pytest.raises(BadHeaderError):
        camino_email(subject="Hola\nBcc: everyone@example.org").message()


def test_goes_through_a_real_smtp_conversation():
    received = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):
            received.append(envelope)
            return "250 OK"

    with socket.socket() as probe:  # a free port for the test server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = Controller(Inbox(), hostname="127.0.0.1", port=port)
    server.start()
    try:
        smtp = get_connection("django.core.mail.backends.smtp.EmailBackend",
                              host="127.0.0.1", port=port)  # fmt: skip
        with smtp:
            assert smtp.send_messages([camino_email(), camino_email(to=["luis@example.org"])]) == 2
    finally:
        server.stop()

    assert [envelope.rcpt_tos for envelope in received] == [["ana@example.org"],
                                                            ["luis@example.org"]]  # fmt: skip
    message = readable(parsed(received[0].original_content))
    assert message["Subject"] == SUBJECT
    assert message["text"] == BODY
    assert message["html"].rstrip("\n") == HTML
