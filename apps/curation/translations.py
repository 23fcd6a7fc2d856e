"""The texts of an item that people read in two languages, read generically from the model's
modeltranslation options: a model staff translate side by side is one registered with
modeltranslation that says which texts every language needs (`required_translations`: the
listings, mentors' profiles, credentials, guides)."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from modeltranslation.translator import NotRegistered, translator


@dataclass(frozen=True)
class TextField:
    """One translated text of a model in one language: `column` is its field ("title_es")."""

    name: str
    language: str
    required: bool

    @property
    def column(self) -> str:
        return f"{self.name}_{self.language}"


def translated_names(model: type[models.Model]) -> list[str] | None:
    """The translated fields of a model staff translate, those every language needs first,
    then the others in the model's order; None for any other model."""
    required = getattr(model, "required_translations", None)
    if required is None:
        return None
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return None
    fields = options.fields  # type: ignore[attr-defined]
    others = [f.name for f in model._meta.concrete_fields if f.name in fields]
    return [*required, *(name for name in others if name not in required)]


def texts_of(model: type[models.Model]) -> list[list[TextField]]:
    """For each translated field, its text in each language (settings.LANGUAGES' order)."""
    names = translated_names(model) or []
    required = set(getattr(model, "required_translations", ()))
    codes = [code for code, _name in settings.LANGUAGES]
    return [[TextField(name, code, name in required) for code in codes] for name in names]


def _written(item: models.Model, text: TextField) -> bool:
    return bool((getattr(item, text.column) or "").strip())


def missing_texts(item: models.Model) -> list[TextField]:
    """The texts the item lacks in a language: a needed one, or one written in another
    language only (an optional text written in no language is not a gap to translate)."""
    missing = []
    for row in texts_of(type(item)):
        written = [_written(item, text) for text in row]
        if row[0].required or any(written):
            missing += [text for text, done in zip(row, written, strict=True) if not done]
    return missing
