from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from apps.core import i18n
from apps.core.form_html import field_html
from apps.core.i18n import TranslatedText, translated
from apps.core.personal_data import actor_name
from apps.core.registry import category_links as links_registry

register = template.Library()


@register.simple_tag
def translated_field(instance, field: str) -> TranslatedText:
    """{% translated_field job "title" as title %}: the text plus whether it is a fallback."""
    return translated(instance, field)


@register.simple_tag
def fallback_note(text: TranslatedText) -> SafeString:
    """Tells the reader that a text is shown in another language for now."""
    return i18n.fallback_note(text)


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


@register.filter
def action_label(entry) -> str:
    """{{ entry|action_label }}: what an audit entry records, in the reader's language."""
    from apps.core.services import audit_actions

    return str(audit_actions.get(entry.action, entry.action))


@register.filter
def actor_label(entry) -> str:
    """{{ entry|actor_label }}: who did it, as staff read it: name and email, or Camino
    itself when no person acted (the periodic tasks)."""
    actor = entry.actor
    if actor is None:  # Camino itself, or a person who deleted their account since
        return actor_name(None, deleted=entry.actor_deleted, nobody="Camino")
    name = getattr(actor, "display_name", "")
    return _("%(name)s (%(email)s)") % {"name": name, "email": actor.email} if name else actor.email


@register.simple_tag
def field(bound_field) -> SafeString:
    """{% field form.name %}: one form field, the one way (apps.core.form_html)."""
    return field_html(bound_field)


@register.inclusion_tag("core/includes/category_links.html")
def category_links(category: str, work_authorization: str = "") -> dict:
    """{% category_links job.category job.work_authorization %}: the links other parts of
    Camino offer for a kind of work (apps.core.registry.category_links), those that have an
    address for it. No query: each link only builds a URL."""
    links = []
    for link in links_registry:
        url = link.url(category, work_authorization or "")
        if url:
            links.append((link.label, url))
    return {"links": links}
