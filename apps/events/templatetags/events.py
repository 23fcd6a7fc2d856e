import zoneinfo
from datetime import datetime

from django import template
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from apps.events.models import Event

register = template.Library()


def event_span(event: Event, zone: zoneinfo.ZoneInfo) -> str:
    """ "Tuesday, December 10, 2026, 6:00 p.m.–8:00 p.m. CST" in a zone; an event over
    several days names the end's date too."""
    start, end = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    first = f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {time_format(start)}"
    if end.date() == start.date():
        last = time_format(end)
    else:
        last = f"{date_format(end, 'DATE_FORMAT')}, {time_format(end)}"
    return f"{first}–{last} {_abbreviation(end)}"


def _abbreviation(moment: datetime) -> str:
    return moment.tzname() or ""


@register.inclusion_tag("events/includes/when.html", takes_context=True)
def event_when(context, event: Event) -> dict:
    """When the event is, where it happens; and in the reader's own time zone when they are
    signed in with another one (an online event seen from Puerto Rico)."""
    user = context.get("user")
    own = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
    return {
        "event_time": event_span(event, event.zone),
        "your_time": event_span(event, zoneinfo.ZoneInfo(own))
        if own and own != event.time_zone
        else "",
        "starts_at": event.starts_at,
    }


@register.simple_tag
def event_cost(event: Event) -> str:
    if event.is_free:
        return _("Free")
    if event.cost:
        amount = f"${event.cost:,.2f}".replace(".00", "")
        return f"{amount} · {event.cost_note}" if event.cost_note else amount
    return event.cost_note
