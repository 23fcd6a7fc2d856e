"""Shared translation helpers: building the gettext catalogue, and reading translated content
fields (modeltranslation) while knowing when a fallback language was used."""

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import cast

import polib
from django.conf import settings
from django.db.models import Field, Model
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _


def build_catalogue() -> list[Path]:
    """Compile every locale/*/LC_MESSAGES/*.po into its .mo, in pure Python, so Camino
    runs on a machine without GNU gettext. Returns the .mo files written."""
    written = []
    for locale_dir in settings.LOCALE_PATHS:
        for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            written.append(mo_path)
    return written


@dataclass(frozen=True)
class TranslatedText:
    """A content field's text in the reader's language, or in the other language when it
    has not been translated yet (``is_fallback``), so a page can say so."""

    text: str
    language: str
    is_fallback: bool

    @property
    def language_name(self) -> str:
        return get_language_info(self.language)["name_translated"]

    def __str__(self) -> str:
        return self.text


def translated(instance, field: str, language: str | None = None) -> TranslatedText:
    """The value of a modeltranslation field in `language` (the active one by default), with
    its source. A page of cards names the language once for all of them."""
    current = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    order = [current] + [code for code in settings.MODELTRANSLATION_LANGUAGES if code != current]
    for code in order:
        text = getattr(instance, f"{field}_{code}", None)
        if text:
            return TranslatedText(text=text, language=code, is_fallback=code != current)
    return TranslatedText(text="", language=current, is_fallback=False)


def fallback_note(text: TranslatedText) -> SafeString:
    """The note that tells the reader a text is shown in the other language for now ("" when
    it is in theirs): `{% fallback_note text %}` in templates, and on result cards."""
    if not text.is_fallback:
        return mark_safe("")
    note = _("Not translated yet: shown in %(language)s.") % {"language": text.language_name}
    return mark_safe(f'<p class="fallback-note">{escape(note)}</p>')  # noqa: S308 (escaped)


@lru_cache(maxsize=2048)
def _day_text(day: date, format_name: str, language: str) -> str:
    return date_format(day, format_name)


def day_text(day: date, format_name: str = "DATE_FORMAT", language: str | None = None) -> str:
    """date_format(day, format_name) in `language` (the active one by default), written once
    per day, format and language: a page of cards repeats the same few days."""
    return _day_text(day, format_name, language or get_language() or settings.LANGUAGE_CODE)


@cache
def _choice_labels(model: type[Model], name: str, language: str) -> tuple[str, dict]:
    field = cast(Field, model._meta.get_field(name))  # a field with choices
    with override(language):
        return field.attname, {value: str(label) for value, label in field.flatchoices}


@cache
def _enum_labels(choices, language: str) -> dict:
    with override(language):
        return {value: str(label) for value, label in choices.choices}


def choices_labels(choices) -> dict[str, str]:
    """The labels of a Choices class in the active language, value to label in the class's
    order, from a table made once per class and language (`choice_label`'s, for choices that
    are not a field's, e.g. the codes a JSON list holds)."""
    return _enum_labels(choices, get_language() or settings.LANGUAGE_CODE)


def choice_label(instance, name: str, language: str | None = None) -> str:
    """What `instance.get_<name>_display()` says, in `language` (the active one by default),
    read from a table made once per field and language: Django's method translates every
    choice of the field on each call, which on a page of twenty results costs more than the
    rest of the page's text."""
    model: type[Model] = type(instance)
    attname, labels = _choice_labels(
        model, name, language or get_language() or settings.LANGUAGE_CODE
    )
    value = getattr(instance, attname)
    return labels.get(value, value)
