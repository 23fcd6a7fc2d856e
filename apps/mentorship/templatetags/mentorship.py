"""Mentor result cards (apps.core.cards) and the facts a mentor's pages show."""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import TranslatedText, translated
from apps.core.vocabulary import Category
from apps.mentorship.models import MeetingMode, MentoringLanguage, MentorProfile

register = template.Library()


def labels(values, choices) -> str:
    names = dict(choices.choices)
    return ", ".join(str(names[value]) for value in values if value in names)


@register.simple_tag
def mentor_languages(mentor: MentorProfile) -> str:
    return labels(mentor.languages, MentoringLanguage)


@register.simple_tag
def mentor_modes(mentor: MentorProfile) -> str:
    return labels(mentor.meeting_modes, MeetingMode)


@register.simple_tag
def mentor_industries(mentor: MentorProfile) -> str:
    return labels(mentor.industries, Category)


@register.simple_tag
def mentor_room(mentor: MentorProfile) -> str:
    free = mentor.free_places
    return ngettext("Room for %(count)s more mentee", "Room for %(count)s more mentees", free) % {
        "count": free
    }


def request_link(mentor: MentorProfile) -> str:
    """The link to the page where a seeker asks this mentor (saying what they want help
    with)."""
    url = reverse("mentorship:match_request", kwargs={"mentor": mentor.pk})
    label = escape(_("Request this mentor"))
    return f'<p class="card__action"><a class="button" href="{escape(url)}">{label}</a></p>'


def mentor_card(mentor: MentorProfile, *, details: str = "", footer: str = "") -> Card:
    language = (get_language() or "es")[:2]
    facts = [
        _("Mentors in: %(languages)s") % {"languages": mentor_languages(mentor)},
        with_distance(
            mentor_modes(mentor), mentor, in_person=MeetingMode.IN_PERSON in mentor.meeting_modes
        ),
        mentor_industries(mentor),
        mentor_room(mentor),
    ]
    return Card(
        kind="mentor",
        title=TranslatedText(mentor.public_name, language, False),
        url=mentor.get_absolute_url(),
        organization=translated(mentor, "occupations").text,
        details=details,
        summary=translated(mentor, "headline"),
        facts=facts,
        footer=footer,
    )


@register.simple_tag
def mentor_cards(mentors) -> SafeString:
    """{% mentor_cards mentors %}: the result cards of a page of mentors."""
    return cards_html(mentor_card(mentor) for mentor in mentors)


@register.simple_tag
def suggestion_cards(suggestions) -> SafeString:
    """{% suggestion_cards suggestions %}: suggested mentors, each with why it fits and the
    link to ask them."""
    why = _("Why:")
    return cards_html(
        mentor_card(
            suggestion.mentor,
            details=(
                f'<p class="card__reasons"><strong>{escape(why)}</strong> '
                f"{escape(', '.join(suggestion.reasons))}</p>"
            ),
            footer=request_link(suggestion.mentor),
        )
        for suggestion in suggestions
    )


@register.simple_tag
def mentor_request_link(mentor: MentorProfile) -> SafeString:
    return mark_safe(request_link(mentor))  # noqa: S308 (escaped)
