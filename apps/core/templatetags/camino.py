from django import template

from apps.core.i18n import TranslatedText, translated

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
