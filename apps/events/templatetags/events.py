import zoneinfo
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from django import template
from django.utils.formats import date_format, time_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.core.cards import Card, cards_html, with_distance
from apps.core.i18n import choice_label, translated
from apps.events.models import Event

register = template.Library()


def event_span(event: Event, zone: zoneinfo.ZoneInfo) -> str:
    """ "Tuesday, December 10, 2026, 6:00 p.m.–8:00 p.m. CST" in a zone; an event over
    several days names the end's date too."""
    return time_span(event.starts_at, event.ends_at, zone)


def time_span(starts_at: datetime, ends_at: datetime, zone: zoneinfo.ZoneInfo) -> str:
    """event_span of these times, in the current language."""
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    first = f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {time_format(start)}"
    if end.date() == start.date():
        last = time_format(end)
    else:
        last = f"{date_format(end, 'DATE_FORMAT')}, {time_format(end)}"
    return f"{first}–{last} {_abbreviation(end)}"


def _abbreviation(moment: datetime) -> str:
    return moment.tzname() or ""


def own_zone(context) -> str:
    """The reader's time zone when they are signed in, else ""."""
    user = context.get("user")
    return getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""


def when_html(event: Event, zone: str) -> str:
    """When the event is, where it happens; and in the reader's own time zone `zone` when it
    is another one (an online event seen from Puerto Rico)."""
    when = escape(event_span(event, event.zone))
    html = f'<p class="event-when"><time datetime="{event.starts_at.isoformat()}">{when}</time>'
    if zone and zone != event.time_zone:
        yours = _("Your time: %(your_time)s") % {"your_time": event_span(event, ZoneInfo(zone))}
        html += f'<br><span class="event-when__yours">{escape(yours)}</span>'
    return html + "</p>"


@register.simple_tag(takes_context=True)
def event_when(context, event: Event) -> SafeString:
    return mark_safe(when_html(event, own_zone(context)))  # noqa: S308 (escaped)


def event_place(event: Event) -> str:
    """ "In person: Chicago, IL · 3 mi away", "Online"."""
    place = choice_label(event, "format")
    if event.at_a_venue:
        place += f": {event.city}, {event.state}" if event.state else f": {event.city}"
    return with_distance(place, event, in_person=event.at_a_venue)


def event_card(event: Event, zone: str) -> Card:
    kind = choice_label(event, "kind")
    if event.topic:
        kind += f": {choice_label(event, 'topic')}"
    language = choice_label(event, "language")
    if event.interpretation:
        language += " · " + _("interpretation offered")
    if event.seats_left is None:
        seats = ""
    elif event.seats_left:
        seats = ngettext("%(seats)s seat left", "%(seats)s seats left", event.seats_left) % {
            "seats": event.seats_left
        }
    else:
        seats = _("Full: waiting list")
    return Card(
        kind="event",
        title=translated(event, "title"),
        url=event.get_absolute_url(),
        organization=f"{event.organization.name} · {kind}",
        label=(f"id-label id-label--{event.id_at_the_door}", choice_label(event, "id_at_the_door")),
        details=when_html(event, zone),
        summary=translated(event, "summary"),
        facts=[event_cost(event), event_place(event), language, seats],
    )


@register.simple_tag(takes_context=True)
def event_cards(context, events) -> SafeString:
    """{% event_cards events %}: the result cards of a page of events (apps.core.cards)."""
    zone = own_zone(context)
    return cards_html(event_card(event, zone) for event in events)


@register.simple_tag
def event_cost(event: Event) -> str:
    if event.is_free:
        return _("Free")
    if event.cost:
        amount = f"${event.cost:,.2f}".replace(".00", "")
        return f"{amount} · {event.cost_note}" if event.cost_note else amount
    return event.cost_note
