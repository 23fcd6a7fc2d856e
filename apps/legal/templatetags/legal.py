import unicodedata
from html import escape

from django import template
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import TranslatedText, choice_label, choices_labels, day_text, translated
from apps.legal.models import Cost, Provider
from apps.legal.vocabulary import ServiceCode

register = template.Library()

# How many services a card names; the page names them all.
CARD_SERVICES = 4
# How many characters of the description a card shows.
CARD_SUMMARY = 200


@register.simple_tag
def provider_cost(provider: Provider) -> str:
    """ "Low fee: $75", "Free"."""
    label = choice_label(provider, "cost")
    if provider.cost != Cost.FREE and provider.fee_amount:
        amount = f"${provider.fee_amount:,.2f}".replace(".00", "")
        return f"{label}: {amount}"
    return label


def provider_place(provider: Provider, places: list[str]) -> str:
    """Its first place's city ("city, state" of each place, in order), and how far it is when
    the search had a ZIP code."""
    if not places:
        return ""
    place = places[0]
    if len(places) > 1:
        more = len(places) - 1
        place += " " + ngettext(
            "(and %(count)s more place)", "(and %(count)s more places)", more
        ) % {"count": more}
    return with_distance(place, provider)


def service_names(codes: list[str], limit: int | None = None) -> str:
    labels = choices_labels(ServiceCode)
    names = [labels.get(code, code) for code in codes]
    if limit is not None and len(names) > limit:
        more = len(names) - limit
        names = [
            *names[:limit],
            ngettext("%(count)s more", "%(count)s more", more) % {"count": more},
        ]
    return ", ".join(names)


@register.simple_tag
def verified_on(provider: Provider) -> str:
    if provider.verified_at is None:
        return _("Not verified by Camino staff yet")
    day = day_text(provider.verified_at.date())
    return _("Verified by Camino staff on %(date)s") % {"date": day}


def new_cases_html(provider: Provider) -> str:
    if provider.accepting_new_cases:
        return f'<p class="new-cases new-cases--yes">{escape(_("Accepting new cases"))}</p>'
    return f'<p class="new-cases new-cases--no">{escape(_("Not taking new cases right now"))}</p>'


def card_summary(text: str) -> str:
    """What Truncator(text).chars(CARD_SUMMARY) says, without its walk through every
    character in Python when the text is short enough already (most are)."""
    text = unicodedata.normalize("NFC", text)
    return text if len(text) <= CARD_SUMMARY else Truncator(text).chars(CARD_SUMMARY)


def provider_card(provider: Provider) -> Card:
    # The lists providers_for() annotates.
    places: list[str] = provider.place_names  # type: ignore[attr-defined]
    services: list[str] = provider.service_codes  # type: ignore[attr-defined]
    description = translated(provider, "description")
    summary = TranslatedText(
        card_summary(description.text), description.language, description.is_fallback
    )
    return Card(
        kind="provider",
        # An organization's name is the same in every language.
        title=TranslatedText(provider.name, get_language() or "es", False),
        url=provider.get_absolute_url(),
        organization=choice_label(provider, "provider_type"),
        label=(f"cost-label cost-label--{provider.cost}", provider_cost(provider)),
        details=new_cases_html(provider),
        summary=summary,
        facts=[
            provider_place(provider, places),
            _("Help with: %(services)s") % {"services": service_names(services, CARD_SERVICES)},
            _("Languages: %(languages)s") % {"languages": ", ".join(provider.language_labels())},
            verified_on(provider),
        ],
    )


@register.simple_tag
def provider_cards(providers) -> SafeString:
    """{% provider_cards providers %}: the result cards of a page of providers."""
    return cards_html(provider_card(provider) for provider in providers)


@register.simple_tag
def provider_services(provider: Provider) -> str:
    return service_names([service.code for service in provider.services.all()])


@register.filter
def provider_distance(provider: Provider) -> str:
    places = [f"{place.city}, {place.state}" for place in provider.locations.all()]
    return provider_place(provider, places)
