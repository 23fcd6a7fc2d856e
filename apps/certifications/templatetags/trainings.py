"""Trainings' result cards (apps.core.cards) and the short facts their pages repeat."""

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from apps.certifications.models import Training
from apps.certifications.training_selectors import trainings_for_credential
from apps.certifications.training_services import AT_A_PLACE
from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import choice_label, choices_labels, day_text, translated
from apps.core.vocabulary import SpokenLanguage

register = template.Library()


@register.simple_tag
def training_cost(training: Training) -> str:
    """ "Free", "$1,250"."""
    return _("Free") if not training.cost else f"${training.cost:,}"


@register.simple_tag
def training_language_names(training: Training) -> str:
    """ "Spanish, English"."""
    labels = choices_labels(SpokenLanguage)
    return ", ".join(str(labels.get(code, code)) for code in training.languages)


@register.simple_tag
def training_languages(training: Training) -> str:
    """ "Taught in Spanish, English"."""
    names = training_language_names(training)
    return _("Taught in %(languages)s") % {"languages": names} if names else ""


def training_place(training: Training) -> str:
    """ "In person: Chicago, IL · 3 mi away", "Online"."""
    place = choice_label(training, "format")
    if training.format in AT_A_PLACE and training.city:
        place += f": {training.city}, {training.state}" if training.state else f": {training.city}"
    return with_distance(place, training, in_person=training.format in AT_A_PLACE)


def next_start_text(training: Training) -> str:
    entry = getattr(training, "search_entry", None)
    next_start = entry.next_start if entry is not None else None
    if next_start is not None:
        return _("Next start: %(date)s") % {"date": day_text(next_start)}
    if training.rolling_enrollment:
        return _("Starts any time")
    return _("No upcoming start dates")


def training_card(training: Training) -> Card:
    facts = [
        next_start_text(training),
        training_place(training),
        training_cost(training),
        training_languages(training),
    ]
    if training.aid_open_to_all:
        facts.append(_("Aid open to all, regardless of status"))
    return Card(
        kind="training",
        title=translated(training, "title"),
        url=training.get_absolute_url(),
        organization=f"{training.organization.name} · {choice_label(training, 'category')}",
        summary=translated(training, "summary"),
        facts=facts,
    )


@register.simple_tag
def training_cards(trainings, heading: str = "h2") -> SafeString:
    """{% training_cards trainings %}: the result cards of a page of trainings."""
    return cards_html((training_card(training) for training in trainings), heading)


@register.simple_tag
def training_next_start(training: Training) -> str:
    """The next start date as a card says it, for a partner's list of trainings."""
    return next_start_text(training)


@register.simple_tag
def training_with_starts(training: Training) -> Training:
    """The training with its start dates to come (`upcoming_starts`), for the preview on the
    manage page, which loads the training alone."""
    if not hasattr(training, "upcoming_starts"):
        training.upcoming_starts = list(  # type: ignore[attr-defined]
            training.starts.filter(starts_on__gte=timezone.localdate())
        )
    return training


@register.simple_tag
def credential_trainings(credential, zip_point=None) -> list[Training]:
    """{% credential_trainings credential zip_point as trainings %}: up to five listed
    trainings that prepare for it (training_selectors.trainings_for_credential)."""
    if not credential:
        return []
    return trainings_for_credential(credential, zip_point or None)
