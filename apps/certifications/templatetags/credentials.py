"""The credential list's cards and the small texts a credential's page and card share."""

from urllib.parse import urlencode

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from apps.certifications.models import Credential
from apps.core.cards import Card, cards_html
from apps.core.i18n import choice_label, choices_labels, translated
from apps.core.us import State
from apps.core.vocabulary import SpokenLanguage

register = template.Library()


def dollars(amount: int) -> str:
    return f"${amount:,}"


@register.simple_tag
def credential_cost(credential: Credential) -> str:
    """ "$395 in all", "Free", or that the cost is not known."""
    total = credential.total_cost
    if total is None:
        return _("Cost not known: ask the issuer")
    if total == 0:
        return _("Free")
    return _("%(amount)s in all") % {"amount": dollars(total)}


@register.simple_tag
def exam_languages(credential: Credential) -> str:
    labels = choices_labels(SpokenLanguage)
    names = [labels[code] for code in credential.exam_languages if code in labels]
    if not names:
        return _("No exam")
    return _("Exam in: %(languages)s") % {"languages": ", ".join(names)}


@register.filter
def dollars_or_unknown(amount: int | None) -> str:
    if amount is None:
        return _("Not known")
    if amount == 0:
        return _("Free")
    return dollars(amount)


# The work-authorization label colours jobs use, for the same meaning.
RULE_CLASSES = {"open": "open", "itin": "open", "ssn": "required", "status": "required"}


@register.filter
def rule_tone(rule: str) -> str:
    """ "open", "required" or "unclear" (a state not checked: "")."""
    return RULE_CLASSES.get(rule, "unclear")


@register.filter
def rule_class(rule: str) -> str:
    """ "authorization authorization--open": the label of a rule code ("" for unchecked)."""
    return f"authorization authorization--{rule_tone(rule)}"


def rule_label(credential: Credential, state: str) -> tuple[str, str] | None:
    """The chosen state's rule as a card's label, or that staff have not checked it."""
    if not state:
        return None
    rules = getattr(credential, "state_rules", [])
    state_name = choices_labels(State).get(state, state)
    if not rules:
        return (
            rule_class(""),
            _("%(state)s: not checked yet") % {"state": state_name},
        )
    rule = rules[0]
    return (
        rule_class(rule.rule),
        _("%(state)s: %(rule)s") % {"state": state_name, "rule": choice_label(rule, "rule")},
    )


def credential_card(credential: Credential, state: str) -> Card:
    url = credential.get_absolute_url()
    if state:
        url += "?" + urlencode({"state": state})
    return Card(
        kind="credential",
        title=translated(credential, "name"),
        url=url,
        organization=credential.issuing_body,
        label=rule_label(credential, state),
        summary=translated(credential, "summary"),
        facts=[
            choice_label(credential, "kind"),
            credential_cost(credential),
            exam_languages(credential),
            choice_label(credential, "format"),
        ],
    )


@register.simple_tag
def credential_cards(credentials, state: str = "", heading: str = "h2") -> SafeString:
    """{% credential_cards credentials state %}: the result cards of a page of credentials,
    each with the chosen state's rule."""
    return cards_html((credential_card(credential, state) for credential in credentials), heading)
