"""Camino's emails as the bytes a mail server receives, written in one pass.

Almost every email Camino sends has the same shape: a UTF-8 plain-text body with an HTML
alternative and a few headers, sometimes with text files attached (an event's .ics).
Python's general MIME writer, behind Django's EmailMessage.message(), re-encodes and
re-folds every header and compiles a pattern to check each message's boundary; for a weekly
digest to 100,000 people that cost more than writing the emails themselves. An email of any
other shape (Cc, a binary attachment, ...) is written by Django's writer. The result is the
same standard message (tests/core/test_mime.py reads both back with Python's own parser and
compares them on random emails)."""

import re
import secrets
from base64 import b64encode
from email.mime.base import MIMEBase
from email.quoprimime import body_encode
from email.utils import formatdate, make_msgid
from functools import lru_cache
from typing import cast

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.core.mail.utils import DNS_NAME

# RFC 5322: a line has at most 998 characters and should have at most 78.
MAX_LINE = 998
FOLD_AT = 78
# An encoded word (RFC 2047) has at most 75 characters. 42 bytes take 56 in base64, plus the
# 12 of "=?utf-8?b?" and "?=": one fits after "Subject: " within FOLD_AT.
ENCODED_WORD_BYTES = 42
# An address needing no rewriting (no display name, no non-ASCII characters).
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
# The names of files attached that the one-pass writer writes as they are (plain ASCII, no
# quoting needed); others go to Django's writer.
PLAIN_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,60}")
# The headers the one-pass writer writes besides its own (see render_email).
ONE_PASS_HEADERS = {"list-unsubscribe", "list-unsubscribe-post"}
# What mail programs take for the end of a line.
LINE_BREAKS = re.compile(r"\r\n|\r|\n")
FOLD = re.compile(r"(?:\r\n|\r|\n)(?=[ \t])")


class CaminoEmail(EmailMultiAlternatives):
    """A plain-text email with one HTML alternative (see render_email) and text files
    attached (an event's .ics), written in one pass. Anything else an email may carry (Cc,
    Bcc, Reply-To, other headers, binary attachments, files with unusual names, other
    alternatives) is written by Django's general writer."""

    def __init__(self, *, subject: str, body: str, html: str | None = None, to: list[str],
                 headers: dict | None = None, **kwargs):  # fmt: skip
        # A subject is one line, whatever a title in it holds: a line break cannot start a
        # header of its own.
        super().__init__(subject=LINE_BREAKS.sub(" ", subject), body=body, to=to,
                         headers=headers, **kwargs)  # fmt: skip
        if html is not None:
            self.attach_alternative(html, "text/html")

    def message(self):
        if not self.written_in_one_pass():
            return super().message()
        [(html, _mimetype)] = self.alternatives
        headers = [
            ("Subject", self.subject),
            ("From", _address(self.from_email)),
            ("To", ", ".join(_address(address) for address in self.to)),
            ("Date", formatdate(localtime=settings.EMAIL_USE_LOCALTIME)),
            ("Message-ID", make_msgid(domain=DNS_NAME)),
            *self.extra_headers.items(),
        ]
        # __init__ attached the HTML as text; written_in_one_pass checked the files.
        files = [(cast(str, name), cast(str, content), cast(str, mimetype))
                 for name, content, mimetype in self.attachments]  # fmt: skip
        return WrittenMessage(headers, str(self.body), cast(str, html), files)

    def written_in_one_pass(self) -> bool:
        """Whether this email has the shape the one-pass writer knows."""
        return bool(
            self.body  # Django leaves out an empty text part
            and not (self.cc or self.bcc or self.reply_to)
            and all(map(_text_file, self.attachments))
            and [mimetype for _content, mimetype in self.alternatives] == ["text/html"]
            and self.content_subtype == "plain"
            and (self.encoding or settings.DEFAULT_CHARSET).lower() == "utf-8"
            and all(name.lower() in ONE_PASS_HEADERS for name in self.extra_headers)
        )


def _text_file(attachment) -> bool:
    """A text file given as text, with a plain name (not a MIME part made elsewhere)."""
    if isinstance(attachment, MIMEBase) or len(attachment) != 3:
        return False
    name, content, mimetype = attachment
    return (
        isinstance(name, str)
        and PLAIN_FILE_NAME.fullmatch(name) is not None
        and isinstance(content, str)
        and isinstance(mimetype, str)
        and re.fullmatch(r"text/[a-z0-9.+-]+", mimetype) is not None
    )


class WrittenMessage:
    """What mail backends use of a message: its bytes (SMTP, file and console backends), its
    charset (console) and, for reading it in tests, its headers."""

    def __init__(self, headers: list[tuple[str, str]], text: str, html: str,
                 files: list[tuple[str, str, str]] | None = None):  # fmt: skip
        for name, value in headers:
            if "\n" in value or "\r" in value:
                raise BadHeaderError(f"Header values can't contain newlines ({name}: {value!r})")
        self.headers = headers
        self.parts = [("text/plain", text), ("text/html", html)]
        self.files = files or []  # (name, content, MIME type)

    def __getitem__(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    def get_charset(self):
        return None  # the parts say utf-8 themselves

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        contents = [content for _type, content in self.parts] + [f[1] for f in self.files]
        alternative = _boundary(contents)
        lines = [
            f'Content-Type: multipart/alternative;{linesep} boundary="{alternative}"',
            "MIME-Version: 1.0",
        ]
        if self.files:  # the text and HTML, then the files, in a multipart/mixed
            mixed = _boundary(contents, alternative)
            lines = [
                f'Content-Type: multipart/mixed;{linesep} boundary="{mixed}"',
                "MIME-Version: 1.0",
                *(_header(name, value, linesep) for name, value in self.headers),
                "",
                f"--{mixed}",
                *lines,
                "",
            ]
        else:
            lines += [*(_header(name, value, linesep) for name, value in self.headers), ""]
        for content_type, content in self.parts:
            encoding, content = _body(content, linesep)
            lines += [
                f"--{alternative}",
                f'Content-Type: {content_type}; charset="utf-8"',
                f"Content-Transfer-Encoding: {encoding}",
                "",
                content,
            ]
        lines += [f"--{alternative}--", ""]
        for name, content, mimetype in self.files:
            encoding, content = _body(content, linesep)
            lines += [
                f"--{mixed}",
                f'Content-Type: {mimetype}; charset="utf-8"',
                f"Content-Transfer-Encoding: {encoding}",
                f'Content-Disposition: attachment; filename="{name}"',
                "",
                content,
            ]
        if self.files:
            lines += [f"--{mixed}--", ""]
        return linesep.join(lines).encode()

    def as_string(self, unixfrom: bool = False, linesep: str = "\n") -> str:
        return self.as_bytes(linesep=linesep).decode()


def _boundary(contents: list[str], *others: str) -> str:
    """A boundary found in none of the contents (nor the other boundaries)."""
    while True:
        boundary = secrets.token_hex(16)
        if not any(boundary in content for content in [*contents, *others]):
            return boundary


def _address(address: str) -> str:
    """An address as a header holds it. Most are plain; Django rewrites the others (display
    names, international domains), the sender's once per process."""
    if PLAIN_ADDRESS.fullmatch(address):
        return address
    return _sanitized(address)


@lru_cache(maxsize=64)
def _sanitized(address: str) -> str:
    # Unfolded (a long name comes back on several lines): _header folds the whole header.
    return FOLD.sub("", sanitize_address(address, "utf-8"))


def _header(name: str, value: str, linesep: str) -> str:
    """One header, folded: ASCII text at spaces, other text as base64 encoded words."""
    if value.isascii():
        words = value.split(" ")
    else:
        words = [_encoded_word(chunk) for chunk in _utf8_chunks(value)]
    lines, line = [], f"{name}:"
    for word in words:
        if word and len(line) + 1 + len(word) > FOLD_AT and line != f"{name}:":
            lines.append(line)
            line = ""
        line += f" {word}"
    lines.append(line)
    return linesep.join(lines)


def _utf8_chunks(text: str):
    """Pieces of `text` of at most ENCODED_WORD_BYTES bytes each, never splitting a
    character."""
    chunk: list[str] = []
    size = 0
    for character in text:
        length = len(character.encode())
        if size + length > ENCODED_WORD_BYTES:
            yield "".join(chunk)
            chunk, size = [], 0
        chunk.append(character)
        size += length
    if chunk:
        yield "".join(chunk)


def _encoded_word(text: str) -> str:
    return f"=?utf-8?b?{b64encode(text.encode()).decode()}?="


def _body(text: str, linesep: str) -> tuple[str, str]:
    """A part's transfer encoding and content: 8bit, or quoted-printable when a line is too
    long for a mail server to accept as it is."""
    lines = LINE_BREAKS.split(text)  # not splitlines(): form feeds and the like are text
    # A line of up to MAX_LINE / 4 characters cannot exceed MAX_LINE bytes: skip encoding it.
    if max(map(len, lines), default=0) > MAX_LINE // 4 and any(
        len(line.encode()) > MAX_LINE for line in lines
    ):
        # The encoder takes one character per byte: give it the UTF-8 bytes as Latin-1.
        return "quoted-printable", body_encode(text.encode().decode("latin-1"), eol=linesep)
    return "8bit", linesep.join(lines)
