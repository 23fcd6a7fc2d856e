from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core.feeds import PlainTextAtom1Feed
from apps.core.i18n import translated
from apps.events.forms import EventFilterForm
from apps.events.models import Event
from apps.events.selectors import events_for, events_search

FEED_SIZE = 50


class EventFeed(Feed):
    """The soonest upcoming events of any search: the list page's filters, in the URL. Never
    the join link: feeds are public."""

    feed_type = PlainTextAtom1Feed

    def get_object(self, request, *args, **kwargs):
        return EventFilterForm(request.GET).filters()

    def title(self, filters):
        return _("Camino events")

    def subtitle(self, filters):
        return _("Career fairs, workshops and webinars for immigrant job seekers.")

    def link(self, filters):
        return reverse("events:list")

    def items(self, filters):
        return events_for(events_search(filters)[:FEED_SIZE])

    def item_title(self, event: Event) -> str:
        when = date_format(event.local_starts_at, "DATE_FORMAT")
        return f"{event} · {when} · {event.get_id_at_the_door_display()}"

    def item_description(self, event: Event) -> str:
        return translated(event, "summary").text

    def item_pubdate(self, event: Event):
        return event.published_at

    def item_author_name(self, event: Event) -> str:
        return event.organization.name
