from functools import lru_cache
from html import escape
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _

from apps.core import i18n
from apps.core.form_html import field_html
from apps.core.i18n import TranslatedText, translated
from apps.core.personal_data import SIGNED_OUT_VISITOR, actor_name
from apps.core.registry import category_links as links_registry
from apps.core.registry import navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def navigation_links(context) -> SafeString:
    """{% navigation_links %}: the main navigation's links for the reader, as the installed
    apps registered them (apps.core.registry.navigation), then their own pages or signing in.
    Every page shows them, so they are written once per language and kind of reader."""
    user = context.get("user")
    signed_in = bool(user and user.is_authenticated)
    staff = bool(user and user.is_staff)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _navigation_links(
        get_language(), signed_in, staff, urlconf, get_script_prefix(), navigation.version
    )


@lru_cache(maxsize=64)
def _navigation_links(
    language: str, signed_in: bool, staff: bool, urlconf: str, prefix: str, version: int
) -> SafeString:
    links = [
        (entry.label, entry.url_name)
        for entry in navigation
        if (staff or not entry.staff) and (signed_in or not entry.signed_in)
    ]
    if signed_in:
        links += [(_("My Camino"), "core:my_camino"), (_("My account"), "account_email")]
    else:
        links += [(_("Sign in"), "account_login"), (_("Create an account"), "account_signup")]
    return mark_safe(  # noqa: S308 (escaped here)
        "".join(
            f'<li><a href="{escape(reverse(name, urlconf=urlconf))}">{escape(str(label))}</a></li>'
            for label, name in links
        )
    )


@register.simple_tag
def language_buttons() -> SafeString:
    """{% language_buttons %}: the language switcher's button for each other language. Every
    page shows them, so they are written once per language."""
    return _language_buttons(get_language())


@register.simple_tag(takes_context=True)
def language_next(context) -> str:
    """{% language_next %}: the page the language switcher shows again in the other language.
    A page sent back by a form (a POST with errors) is at the form's address, which only
    takes POSTs: asked for it again, the browser showed a blank "HTTP ERROR 405". The page
    the form was sent from is the one to show, when the browser says (Referer) and it is
    Camino's; otherwise the home page."""
    request = context["request"]
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return "/"
    parts = urlsplit(referer)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


@lru_cache(maxsize=8)
def _language_buttons(current: str) -> SafeString:
    hint = escape(_("Change language to"))
    return mark_safe(  # noqa: S308 (escaped here)
        "".join(
            f'<button type="submit" name="language" value="{code}" lang="{code}" '
            f'class="language-switcher__button"><span class="visually-hidden">{hint}</span> '
            f"{escape(capfirst(get_language_info(code)['name_local']))}</button>"
            for code, _name in settings.LANGUAGES
            if code != current
        )
    )


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
def note_label(entry) -> str:
    """{{ entry|note_label }}: an audit entry's note in the reader's language (a code such as
    a report's reason reads as its label; apps.core.services.audit_note)."""
    from apps.core.services import audit_note

    return audit_note(entry)


@register.filter
def actor_label(entry) -> str:
    """{{ entry|actor_label }}: who did it, as staff read it: name and email; else a visitor
    who was not signed in, for what visitors may do (a report), or Camino itself (the
    periodic tasks)."""
    from apps.core.services import audit_visitor_actions

    actor = entry.actor
    if actor is None:  # nobody signed in, or a person who deleted their account since
        nobody = SIGNED_OUT_VISITOR if entry.action in audit_visitor_actions else "Camino"
        return actor_name(None, deleted=entry.actor_deleted, nobody=str(nobody))
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
