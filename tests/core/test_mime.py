"""Camino writes its emails' MIME itself (apps.core.mime). These tests read what it writes
back with Python's own email parser, compare it with what Django's general writer makes of
the same email, and send it through a real SMTP conversation."""

import email
import re
import socket
from email import policy
from email.header import decode_header, make_header
from email.utils import formataddr

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import BadHeaderError, EmailMultiAlternatives, get_connection
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_a_line_break_in_the_subject_cannot_add_a_header():
    raw = camino_email(subject="Hola\r\nBcc: everyone@example.org").message().as_bytes()
    message = parsed(raw)
    assert message["Subject"] == "Hola Bcc: everyone@example.org"
    assert "Bcc" not in message and b"everyone" not in raw.split(b"Subject:")[0]


def test_another_header_with_a_line_break_is_refused():
    headers = {**HEADERS, "List-Unsubscribe": "<http://x/>\nBcc: everyone@example.org"}
    with pytest.raises(BadHeaderError):
        camino_email(headers=headers).message()


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


ICS = "".join(
    f"{line}\r\n"
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "SUMMARY:Feria de empleo",
                 "END:VEVENT", "END:VCALENDAR"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "check"),
    [
        ({"cc": ["luis@example.org"]}, lambda m: m["Cc"] == "luis@example.org"),
        ({"bcc": ["staff@example.org"]}, lambda m: "Bcc" not in m),
        ({"reply_to": ["Ana Pérez <ana@example.org>"]},
         lambda m: m["Reply-To"] == "Ana Pérez <ana@example.org>"),
        ({"headers": {**HEADERS, "X-Camino-Event": "42"}}, lambda m: m["X-Camino-Event"] == "42"),
        ({"attachments": [("plano.pdf", b"%PDF-1.4 plano", "application/pdf")]},
         lambda m: [(a.get_filename(), a.get_content()) for a in m.iter_attachments()]
         == [("plano.pdf", b"%PDF-1.4 plano")]),
        ({"attachments": [("Feria de año nuevo.ics", ICS, "text/calendar")]},
         lambda m: [a.get_filename() for a in m.iter_attachments()]
         == ["Feria de año nuevo.ics"]),
        ({"html": None}, lambda m: m.get_content_type() == "text/plain"),
    ],
    ids=["cc", "bcc", "reply-to", "other header", "binary attachment", "file name to quote",
         "no html"],
)  # fmt: skip
def test_what_the_one_pass_writer_does_not_know_is_written_by_djangos(changes, check):
    ours = camino_email(**changes)
    assert not ours.written_in_one_pass()

    message = parsed(ours.message().as_bytes(linesep="\r\n"))

    assert check(message)
    assert message["Subject"].strip() == SUBJECT
    assert message.get_body(("plain",)).get_content().replace("\r\n", "\n") == BODY
    assert ours.recipients() == ["ana@example.org", *changes.get("cc", []),
                                 *changes.get("bcc", [])]  # fmt: skip


def test_an_ics_file_is_written_in_one_pass_and_reads_back_as_djangos_writer_writes_it():
    ours = camino_email(attachments=[("feria.ics", ICS, "text/calendar")])
    assert ours.written_in_one_pass()

    for linesep in ("\r\n", "\n"):
        one_pass = ours.message().as_bytes(linesep=linesep)
        assert as_read(one_pass) == as_read(
            EmailMultiAlternatives.message(ours).as_bytes(linesep=linesep)
        )
        message = parsed(one_pass)
        assert message.get_content_type() == "multipart/mixed"
        [attached] = message.iter_attachments()
        assert (attached.get_filename(), attached.get_content_type()) == (
            "feria.ics",
            "text/calendar",
        )
        assert attached.get_content().replace("\r\n", "\n") == ICS.replace("\r\n", "\n")
        assert readable(message)["text"] == BODY


def test_an_extra_alternative_that_is_not_html_goes_to_djangos_writer():
    ours = camino_email()
    ours.attach_alternative(ICS, "text/calendar")
    assert not ours.written_in_one_pass()
    message = parsed(ours.message().as_bytes())
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain", "text/html", "text/calendar"
    ]  # fmt: skip


# Text as people write it: any language, symbols, quotes, "=?" and control characters,
# sometimes long (no surrogates: they are not text).
TEXT = st.characters(codec="utf-8", exclude_characters="\x00")
NAMES = st.text(TEXT, max_size=40).map(lambda name: " ".join(name.split()))
ADDRESSES = st.builds(
    lambda name, address: formataddr((name, address)) if name else address,
    NAMES, st.emails(domains=st.sampled_from(["example.org", "correo.example.mx"])),
)  # fmt: skip
SUBJECTS = st.text(TEXT, max_size=300).map(lambda subject: " ".join(subject.split()))
BODIES = st.one_of(
    st.text(TEXT, max_size=1500),
    st.lists(st.text(TEXT, max_size=1200), max_size=4).map("\n".join),  # long lines
)


def as_read(raw: bytes) -> dict:
    """What matters of a message to the person who gets it and to mail servers. Headers are
    decoded by RFC 2047's rules, as mail programs do (Python's newer parser keeps the space
    between two encoded words of a long name, which the RFC says to drop)."""
    headers = email.message_from_bytes(raw)
    message = parsed(raw)
    return {
        **{
            name: str(make_header(decode_header(re.sub(r"\r?\n", "", headers[name])))).strip()
            for name in ["Subject", "From", "To", "List-Unsubscribe", "List-Unsubscribe-Post"]
        },
        "type": message.get_content_type(),
        "parts": [
            (part.get_content_type(), part.get_filename(), part.get_content().replace("\r\n", "\n"))
            for part in message.walk()
            if not part.is_multipart()
        ],
    }


FILES = st.lists(
    st.tuples(
        st.sampled_from(["event.ics", "cita-2.ics", "notas.txt"]),
        BODIES,
        st.sampled_from(["text/calendar", "text/plain"]),
    ),
    max_size=2,
)


@settings(max_examples=100, deadline=None, database=None)
@given(subject=SUBJECTS, body=BODIES.filter(bool), html=BODIES, to=st.lists(ADDRESSES, min_size=1,
       max_size=3), sender=ADDRESSES, linesep=st.sampled_from(["\r\n", "\n"]),
       files=FILES)  # fmt: skip
def test_both_writers_give_the_same_email(subject, body, html, to, sender, linesep, files):
    ours = CaminoEmail(subject=subject, body=body, html=html, to=to, headers=HEADERS,
                       from_email=sender, attachments=files)  # fmt: skip
    assert ours.written_in_one_pass()

    one_pass = ours.message().as_bytes(linesep=linesep)
    general = EmailMultiAlternatives.message(ours).as_bytes(linesep=linesep)

    assert as_read(one_pass) == as_read(general)
    assert max(len(line) for line in one_pass.split(linesep.encode())) <= 998
