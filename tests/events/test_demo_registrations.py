"""The demo's registrations (apps/events/demo/registrations.json): a full workshop with people
on its waiting list, and demo accounts registered, so "My events" and the organizer's pages
have something to show."""

import pytest
from django.core.management import call_command

from apps.events.models import Registration

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
    assert Registration.objects.count() == 6

    client.login(email="maria@example.org", password="camino-demo-2026")
    page = client.get("/es/events/registered/").content.decode()
    assert "Lista de espera: número 1" in page
