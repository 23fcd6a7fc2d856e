"""Shared translation helpers: building the gettext catalogue, and reading translated content
fields (modeltranslation) while knowing when a fallback language was used."""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation import get_language, get_language_info


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


def translated(instance, field: str) -> TranslatedText:
    """The value of a modeltranslation field for the active language, with its source."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    order = [current] + [code for code in settings.MODELTRANSLATION_LANGUAGES if code != current]
    for language in order:
        text = getattr(instance, f"{field}_{language}", None)
        if text:
            return TranslatedText(text=text, language=language, is_fallback=language != current)
    return TranslatedText(text="", language=current, is_fallback=False)
