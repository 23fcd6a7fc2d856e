"""Pieces of Camino's emails: absolute links built in the recipient's language, the HTML
alternative of a plain-text email, and parts every email shares, rendered once per language.
Emails are written and sent by the delivery log (apps.notifications), never directly."""

import re
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

T = TypeVar("T")


def absolute_url(path: str) -> str:
    return f"{settings.CAMINO_BASE_URL}{path}"


def url_of(get_path: Callable[[], str]) -> Callable[[], str]:
    """The absolute URL of a path, built in the email's language when the email is written
    (Camino's paths start with the language)."""
    return lambda: absolute_url(get_path())


def page_url(name: str, *args) -> Callable[[], str]:
    """The absolute URL of a named page, in the email's language when it is written."""
    return lambda: absolute_url(localized_path(name, *args))


def per_language(build: Callable[[], T]) -> Callable[[], T]:
    """`build` called at most once per language: what many emails of a batch share (links,
    a job's lines) is written once per language, not once per email."""
    built: dict[str, T] = {}

    def in_current_language() -> T:
        language = translation.get_language()
        if language not in built:
            built[language] = build()
        return built[language]

    return in_current_language


# Stands for a signed token (letters, digits, "-_:") in a path reversed once per language.
SLOT = "slot"


def localized_path(name: str, *args) -> str:
    """reverse() in the active language, remembered: every email links to the same few
    pages, and reversing Camino's translated URLs costs more than writing a line of text."""
    return _reverse_in(translation.get_language(), name, args)


@cache
def _reverse_in(language: str, name: str, args: tuple) -> str:
    return reverse(name, args=args)


PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@cache
def _own_links(base_url: str) -> re.Pattern:
    """Links to Camino itself: the base URL, then a path or the end of the link (so that
    "http://camino.example.evil.example" is not one)."""
    return re.compile(rf"{re.escape(base_url)}(?:/[^\s<>\"']*)?(?![^\s<>\"'])")


def text_to_html(text: str) -> str:
    """An email's plain text as HTML: paragraphs at blank lines, line breaks kept, Camino's
    own links clickable. Only those: the text holds what partners and seekers wrote (a job
    title "http://evil.example" stays text). Camino's emails put each link on its own or
    after a colon, so one pattern finds them (Django's urlize, made for any text, costs more
    than the whole email)."""
    linked = _own_links(settings.CAMINO_BASE_URL).sub(
        lambda link: f'<a href="{link[0]}">{link[0]}</a>', escape(text.strip())
    )
    return "\n".join(
        f"<p>{paragraph.replace(chr(10), '<br>' + chr(10))}</p>"
        for paragraph in PARAGRAPH_BREAK.split(linked)
    )


SHARED_SLOT = re.compile(r"camino-slot-(\w+)")


def shared_part(template: str, **values: str) -> str:
    """A part every email has (the footer, the HTML layout), in the current language. It
    is rendered once per language with a placeholder for each variable, which is then
    replaced by this email's value: rendering it for each email cost more than the rest."""
    pieces = _shared_pieces(template, translation.get_language(), tuple(values))
    # The pieces alternate: text, a variable's name, text, ..., text.
    return "".join(values[piece] if index % 2 else piece for index, piece in enumerate(pieces))


@cache
def _shared_pieces(template: str, language: str, names: tuple[str, ...]) -> list[str]:
    return SHARED_SLOT.split(render_to_string(template, {n: f"camino-slot-{n}" for n in names}))


def render_subject(template: str, context: dict) -> str:
    """`<template>_subject.txt`, on one line. A subject is text, not HTML: nothing in it is
    escaped, so a title "Tom & Jerry's" reads so, not "Tom &amp; Jerry&#x27;s"."""
    subject = get_template(f"{template}_subject.txt").template  # type: ignore[attr-defined]
    return " ".join(subject.render(Context(context, autoescape=False)).split())
