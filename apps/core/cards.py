"""Result cards: the one way a list page shows its results (jobs, events, ...).

An app turns each result into a `Card`; `{% result_cards cards %}` writes them all. The
markup is written here in Python rather than by a template include per result: a list page
renders twenty cards on every search, and twenty includes cost several times the rest of the
page (measured with bench/jobs_search.py). Every value is escaped
(with the standard library's escape: Django's wrapper costs more than the escaping)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from apps.core.i18n import TranslatedText, fallback_note


@dataclass(frozen=True, slots=True)
class Card:
    kind: str  # "job": the item gets the classes "card job-card"
    title: TranslatedText
    url: str
    organization: str = ""
    # (CSS classes, text): a label the reader filters on, e.g. the work authorization
    label: tuple[str, str] | None = None
    # HTML the type writes itself, escaped by it, under the title (an event's time)
    details: str = ""
    summary: TranslatedText | None = None
    facts: Sequence[str] = ()
    # HTML the type writes itself, escaped by it, at the card's end (a button to act on it)
    footer: str = ""


def with_distance(place: str, item, *, in_person: bool = True) -> str:
    """A card's place, followed by how far it is when the search had a ZIP code (the
    `distance` items_of sets): "Chicago, IL · 3 mi away". Not when nobody goes there
    (`in_person` false: a remote job, an online event, a mentor who meets only by phone or
    video): the distance is then to a ZIP code where nothing happens (the employer's, say),
    and "Remote · 0 mi away" reads as if the work were done there."""
    distance = getattr(item, "distance", None)
    if distance is None or not in_person:
        return place
    return place + " · " + _("%(miles)s mi away") % {"miles": f"{distance:,.0f}"}


# The level of a card's title: a list page's results sit under its h1; a page with sections
# (a career pathway) puts them deeper.
HEADINGS = ("h2", "h3", "h4")


def card_html(card: Card, heading: str = "h2") -> str:
    parts = [
        f'<li class="card {card.kind}-card">'
        f'<{heading} class="card__title"><a href="{escape(card.url)}" '
        f'lang="{card.title.language}">{escape(card.title.text)}</a></{heading}>',
        fallback_note(card.title),
        card.details,
    ]
    if card.organization:
        parts.append(f'<p class="card__org">{escape(card.organization)}</p>')
    if card.label:
        classes, text = card.label
        parts.append(f'<p class="{escape(classes)}">{escape(text)}</p>')
    if card.summary and card.summary.text:
        summary = card.summary
        parts.append(f'<p lang="{summary.language}">{escape(summary.text)}</p>')
    if card.facts:
        facts = "".join(f"<li>{escape(fact)}</li>" for fact in card.facts if fact)
        parts.append(f'<ul class="card__facts">{facts}</ul>')
    parts.append(card.footer)
    parts.append("</li>")
    return "".join(parts)


def cards_html(cards: Iterable[Card], heading: str = "h2") -> SafeString:
    if heading not in HEADINGS:
        raise ValueError(f"a card's title is one of {HEADINGS}, not {heading!r}")
    return mark_safe("\n".join(card_html(card, heading) for card in cards))  # noqa: S308 (escaped above)
