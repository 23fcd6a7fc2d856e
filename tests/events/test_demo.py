"""The events of the demo (apps/events/demo/events.json, through the shared loader)."""

import pytest
from django.utils import timezone

from apps.events.models import Event, EventSearchEntry
from tests.core.test_demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()


def test_there_are_realistic_bilingual_events_of_every_kind(demo):
    events = Event.objects.all()
    assert events.count() >= 25
    assert all(e.title_es and e.title_en and e.description_es and e.description_en for e in events)
    assert set(events.values_list("kind", flat=True)) == {
        "career_fair", "workshop", "webinar", "networking", "info_session", "office_hours",
    }  # fmt: skip
    interview = events.get(title_en="Practice your job interview")  # 5 p.m. in Los Angeles
    assert (interview.time_zone, interview.local_starts_at.hour) == ("America/Los_Angeles", 17)
    assert {"Chicago", "Houston", "Los Angeles", "Miami", "Phoenix"} <= set(
        events.values_list("city", flat=True)
    )


def test_past_upcoming_free_paid_with_and_without_id_and_seats(demo):
    now = timezone.now()
    events = Event.objects.filter(status="published")
    assert events.filter(ends_at__lt=now).count() >= 3
    assert events.filter(starts_at__gt=now).count() >= 20
    assert {"yes", "no", "unknown"} <= set(events.values_list("id_at_the_door", flat=True))
    assert events.filter(is_free=False).exists() and events.filter(is_free=True).exists()
    assert events.filter(capacity__isnull=False, seats_left=0).exists()  # full
    assert events.filter(format="online").exists() and events.filter(format="hybrid").exists()
    assert events.filter(series__isnull=False).count() == 4
    assert events.exclude(cancelled_at=None).count() == 1


def test_upcoming_events_are_listed_until_the_day_they_end(demo, client):
    upcoming = Event.objects.filter(
        status="published", ends_at__gt=timezone.now(), cancelled_at=None
    )
    for event in upcoming:
        assert event.expires_on == event.last_day
    assert EventSearchEntry.objects.filter(pk__in=upcoming.values("pk")).count() == upcoming.count()
    page = client.get("/es/events/?no_id=on&language=es&q=derechos").content.decode()
    assert "Conozca sus derechos en el trabajo" in page


def test_loading_again_adds_nothing(demo):
    before = Event.objects.count()
    load_demo()
    assert Event.objects.count() == before
