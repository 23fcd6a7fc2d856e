"""The demo's registrations (apps/events/demo/registrations.json, the people in
participants.json): a full workshop with people on its waiting list, and demo accounts
registered, so "My events" and the organizer's pages have something to show. What an event
says of its seats is what its registrations hold."""

import pytest
from django.core.management import call_command

from apps.events.models import HOLDS_A_SEAT, Event, Registration

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_full_workshop_with_a_waiting_list(client):
    call_command("load_demo", force=True, stdout=None)
    call_command("load_demo", force=True, stdout=None)  # twice: nothing duplicated

    waiting = Registration.objects.filter(status="waiting").select_related("event", "user")
    assert [(r.user.email, r.position) for r in waiting.order_by("position")] == [
        ("maria@example.org", 1),
        ("sam@example.org", 2),
    ]
    assert {r.event.seats_left for r in waiting} == {0}
    assert Registration.objects.count() == 43

    client.login(email="maria@example.org", password="camino-demo-2026")
    page = client.get("/es/events/registered/").content.decode()
    assert "Lista de espera: número 1" in page


def test_every_events_seats_left_are_its_capacity_less_the_seats_its_registrations_hold():
    call_command("load_demo", force=True, stdout=None)
    call_command("load_demo", force=True, stdout=None)

    with_seats = Event.objects.exclude(capacity=None)
    assert with_seats.count() >= 5
    for event in with_seats:
        held = event.registrations.filter(status__in=HOLDS_A_SEAT).count()
        assert held, f"{event}: no one registered"
        assert event.seats_left == event.capacity - held, event
        waiting = event.registrations.filter(status="waiting").order_by("position")
        # People wait only for a full event, in line from 1.
        assert not waiting.exists() or event.seats_left == 0, event
        assert list(waiting.values_list("position", flat=True)) == list(
            range(1, waiting.count() + 1)
        )
    full = with_seats.get(seats_left=0)
    assert full.registrations.filter(status="registered").count() == full.capacity
    assert full.registrations.filter(status="waiting").count() == 2
    # Check-in codes are the event's own, one per person.
    codes = Registration.objects.values_list("event_id", "code")
    assert len(set(codes)) == len(codes)
