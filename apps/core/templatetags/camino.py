from django import template

from apps.core.i18n import TranslatedText, translated
from apps.core.personal_data import actor_name

register = template.Library()


@register.simple_tag
def translated_field(instance, field: str) -> TranslatedText:
    """{% translated_field job "title" as title %}: the text plus whether it is a fallback."""
    return translated(instance, field)


@register.inclusion_tag("includes/fallback_note.html")
def fallback_note(text: TranslatedText) -> dict:
    """Tells the reader that a text is shown in another language for now."""
    return {"text": text}


@register.filter
def get_item(mapping: dict, key):
    """{{ urls|get_item:job.pk }}: a value from a dict by a key that is not a plain name."""
    try:
        return mapping[key]
    except KeyError:
        return None


@register.simple_tag
def actor(user, deleted: bool = True, nobody: str = "") -> str:
    """{% actor entry.actor deleted=entry.actor_deleted nobody="Camino" %}: who did it, or
    "deleted account" (apps.core.personal_data.actor_name)."""
    return actor_name(user, deleted=deleted, nobody=nobody)
