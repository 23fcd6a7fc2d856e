import json
import re
from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone

from apps.events.services import event_cancel, event_move
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(
        r'class="card__title"><a href="[^"]+" lang="\w+">([^<]+)</a>', response.content.decode()
    )


def test_the_list_shows_upcoming_events_soonest_first_and_past_ones_leave(client):
    EventFactory(title_en="Later", starts_at=in_days(9))
    EventFactory(title_en="Sooner", starts_at=in_days(2))
    EventFactory(
        title_en="Over",
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )

    response = client.get("/en/events/")

    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later"]


def test_the_detail_page_has_the_event_json_ld_and_a_map_link_but_never_the_join_link(client):
    event = EventFactory(
        title_en="Career fair </script>",
        format="hybrid",
        join_url="https://meet.example.org/secret-room",
    )

    response = client.get(f"/en/events/{event.pk}/")

    page = response.content.decode()
    assert "secret-room" not in page
    assert "https://maps.google.com/?q=2708+S+Pulaski+Rd%2C+Chicago%2C+IL+60623" in page
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["name"] == "Career fair </script>"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"] == event.local_starts_at.isoformat()
    assert data["location"][0]["address"]["postalCode"] == "60623"
    assert "secret-room" not in json.dumps(data)


def test_the_ics_parses_back_with_the_event_and_without_the_join_link(client):
    event = EventFactory(
        format="online", join_url="https://meet.example.org/secret-room", venue_name=""
    )

    response = client.get(f"/es/events/{event.pk}/calendar.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"secret-room" not in response.content
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"event-{event.pk}@127.0.0.1"
    assert vevent["sequence"] == 0
    assert str(vevent["status"]) == "CONFIRMED"
    assert vevent.decoded("dtstart") == event.starts_at
    assert str(vevent["summary"]) == event.title_es
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "America/Chicago"


def test_a_moved_then_cancelled_event_keeps_its_uid_and_raises_its_sequence(client):
    event = EventFactory()
    curator = CuratorFactory()
    uid = str(
        icalendar.Calendar.from_ical(client.get(event.get_ics_url()).content).walk("VEVENT")[0][
            "uid"
        ]
    )

    event_move(actor=curator, event=event, starts_at=in_days(8), ends_at=in_days(8, hour=12))
    event_cancel(actor=curator, event=event)

    [vevent] = icalendar.Calendar.from_ical(client.get(event.get_ics_url()).content).walk("VEVENT")
    assert (str(vevent["uid"]), vevent["sequence"], str(vevent["status"])) == (uid, 2, "CANCELLED")
    assert vevent.decoded("dtstart") == in_days(8)


def test_a_signed_in_person_sees_the_time_in_their_zone_too(client):
    event = EventFactory(starts_at=in_days(5, hour=18))
    client.force_login(UserFactory(time_zone="America/Puerto_Rico"))

    page = client.get(f"/en/events/{event.pk}/").content.decode()

    assert "6 p.m.–8 p.m. CST" in page
    assert "Your time: " in page and "8 p.m.–10 p.m. AST" in page


def test_a_partner_sees_their_organizations_events_in_every_state_and_the_join_link(client):
    from tests.organizations.factories import MembershipFactory

    mine = EventFactory(title_es="Mi taller", status="draft", format="online",
                        join_url="https://meet.example.org/our-room")  # fmt: skip
    EventFactory(title_es="Taller de otros")
    client.force_login(MembershipFactory(organization=mine.organization).user)

    listing = client.get("/es/events/mine/").content.decode()
    manage = client.get(mine.get_manage_url()).content.decode()

    assert "Mi taller" in listing and "Borrador" in listing and "Taller de otros" not in listing
    assert "https://meet.example.org/our-room" in manage


def test_the_feed_follows_the_filters_shows_partner_text_as_text_and_no_join_link(client):
    EventFactory(title_en="Webinar <b>now</b>", title_es="", kind="webinar", topic="",
                 format="online", join_url="https://meet.example.org/secret-room")  # fmt: skip
    EventFactory(title_en="Fair", title_es="", kind="career_fair", topic="")

    feed = client.get("/en/events/feed/?kind=webinar")

    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Webinar &lt;b&gt;now&lt;/b&gt;" in body and "Fair" not in body
    assert '<summary type="text">' in body and "secret-room" not in body
