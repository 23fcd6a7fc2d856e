from django.urls import path

from apps.core.pagecache import cached_page
from apps.events import registration_urls, views
from apps.events.feeds import EventFeed
from apps.events.forms import EventFilterForm
from apps.events.models import Event

app_name = "events"

# What the list reads from the URL; anonymous visitors get it from the cache.
SEARCH_PARAMETERS = frozenset([*EventFilterForm.base_fields, "page"])

urlpatterns = [
    path("", cached_page(Event, SEARCH_PARAMETERS)(views.EventListView.as_view()), name="list"),
    path("feed/", cached_page(Event, SEARCH_PARAMETERS)(EventFeed()), name="feed"),
    path("new/", views.EventCreateView.as_view(), name="create"),
    path("mine/", views.MyEventsView.as_view(), name="mine"),
    path("<int:pk>/", cached_page(Event)(views.EventDetailView.as_view()), name="detail"),
    path(
        "<int:pk>/calendar.ics", cached_page(Event)(views.EventCalendarView.as_view()), name="ics"
    ),
    path("<int:pk>/manage/", views.EventManageView.as_view(), name="manage"),
    path("<int:pk>/edit/", views.EventUpdateView.as_view(), name="edit"),
    path("<int:pk>/cancel/", views.EventCancelView.as_view(), name="cancel"),
    path("<int:pk>/move/", views.EventMoveView.as_view(), name="move"),
    *registration_urls.urlpatterns,
]
