"""The events bench (bench/events_search.py) is not a test, but what its figures rest on is:
its generator writes as many events and registrations as asked, most of them over, that the
events list and search find, and seats that agree with the registrations."""

import pytest
from django.db.models import Count, Q

from apps.events.filters import EventFilters
from apps.events.models import Event, Registration
from apps.events.selectors import events_search
from bench.events_search import generate


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_generator_writes_events_that_the_list_finds():
    generate(20, 500, 2000)
    assert Event.objects.count() == 500
    assert Registration.objects.count() == 2000
    upcoming = events_search(EventFilters.build()).count()
    assert 50 <= upcoming <= 150  # about one in five is still to come
    assert events_search(EventFilters.build(q="entrevista")).count() > 0
    assert events_search(EventFilters.build(zip="60629", radius=25)).count() > 0
    # A limited event's seats left are its capacity minus the seats its people hold.
    held = Count("registrations", filter=~Q(registrations__status="cancelled"))
    for event in Event.objects.exclude(capacity=None).annotate(held=held)[:50]:
        assert event.seats_left == max(event.capacity - event.held, 0)
