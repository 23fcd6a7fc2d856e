"""Finding events: the shared keyword search and the events' own filters, every one in the
URL. These run on PostgreSQL in CI and on SQLite in zero-setup mode: the same results."""

import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation

from apps.events.filters import EventFilters
from apps.events.forms import EventFilterForm
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


def titles(client, query: str) -> list[str]:
    page = client.get(f"/en/events/?{query}").content.decode()
    return re.findall(r'class="card__title"><a href="[^"]+" lang="\w+">([^<]+)</a>', page)


@pytest.fixture
def events():
    """A spread of events in Chicago, Houston and online, over the coming weeks."""
    return {
        "resume": EventFactory(
            title_en="Resume clinic", title_es="Clínica de currículum", starts_at=in_days(1)
        ),
        "fair": EventFactory(
            title_en="Construction career fair",
            title_es="Feria de empleo en construcción",
            kind="career_fair",
            topic="",
            id_at_the_door="yes",
            is_free=True,
            starts_at=in_days(3),
            language="both",
        ),
        "taxes": EventFactory(
            title_en="ITIN and taxes night",
            title_es="Noche de ITIN e impuestos",
            topic="itin_taxes",
            is_free=False,
            cost=5,
            starts_at=in_days(40),
            language="en",
            id_at_the_door="unknown",
        ),
        "webinar": EventFactory(
            title_en="Know your rights webinar",
            title_es="Seminario: conozca sus derechos",
            kind="webinar",
            topic="",
            format="online",
            join_url="https://meet.example.org/x",
            venue_name="",
            address="",
            city="",
            state="",
            zip_code="",
            starts_at=in_days(2),
        ),
        "houston": EventFactory(
            title_en="Houston interview workshop",
            title_es="Taller de entrevistas en Houston",
            topic="interview",
            city="Houston",
            state="TX",
            zip_code="77036",
            address="6500 Bellaire Blvd",
            starts_at=in_days(4),
        ),
        "hybrid": EventFactory(
            title_en="Hybrid business session",
            title_es="Sesión de negocios",
            kind="info_session",
            topic="",
            format="hybrid",
            join_url="https://meet.example.org/y",
            starts_at=in_days(5),
        ),
    }


def test_keywords_match_in_either_language(client, events):
    assert titles(client, "q=taller") == ["Houston interview workshop"]
    assert (
        titles(client, "q=derechos") == titles(client, "q=rights") == ["Know your rights webinar"]
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=career_fair&kind=webinar", ["Know your rights webinar", "Construction career fair"]),
        ("topic=itin_taxes", ["ITIN and taxes night"]),
        ("where=online", ["Know your rights webinar", "Hybrid business session"]),
        (
            "no_id=on&where=in_person",
            ["Resume clinic", "Houston interview workshop", "Hybrid business session"],
        ),
        ("free=on&language=en", ["Construction career fair"]),
        ("language=es&kind=career_fair", ["Construction career fair"]),
        ("zip=77074&radius=10", ["Houston interview workshop"]),
    ],
)
def test_each_filter_narrows_the_list(client, events, query, expected):
    assert titles(client, query) == expected


def test_nearest_first_from_a_zip_code(client, events):
    assert titles(client, "zip=77074&radius=1500&sort=nearest&where=in_person")[0] == (
        "Houston interview workshop"
    )


@pytest.mark.parametrize(
    ("language", "online", "in_person", "away"),
    [("en", "Online", "In person", "mi away"), ("es", "En línea", "En persona", "millas")],
)
def test_an_online_event_shows_no_distance_an_in_person_one_does(
    client, language, online, in_person, away
):
    # An online event's distance would be to its organizer's ZIP code: nobody goes there.
    EventFactory(title_en="Online", title_es="En línea", format="online", venue_name="",
                 address="", join_url="https://meet.example.org/room")  # fmt: skip
    EventFactory(title_en="In person", title_es="En persona")

    page = client.get(f"/{language}/events/?zip=60629&radius=25").content.decode()

    cards = {title: card.split("</ul>")[0] for card in page.split('<li class="card ')[1:]
             for title in re.findall(r'lang="\w+">([^<]+)</a>', card)}  # fmt: skip
    assert set(cards) == {online, in_person}
    assert away not in cards[online]
    assert re.search(rf"\d+ {away}", cards[in_person])


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Online events can be joined from anywhere, so the ZIP code does not limit them."),
        ("es", "A los eventos en línea se puede entrar desde cualquier lugar, así que el código "
               "postal no los limita."),
    ],
)  # fmt: skip
def test_online_events_near_a_zip_code_are_found_anywhere(client, events, language, note):
    # Houston's ZIP code: the webinar has no place, the hybrid session is in Chicago.
    page = client.get(f"/{language}/events/?where=online&zip=77074&radius=10").content.decode()

    found = set(re.findall(r'class="card__title"><a href="/\w+/events/(\d+)/', page))
    assert found == {str(events["webinar"].pk), str(events["hybrid"].pk)}
    assert note in page
    assert note not in client.get(f"/{language}/events/?zip=77074&radius=10").content.decode()


def test_this_week_this_month_and_a_range_of_dates(client, events):
    soon = ["Resume clinic", "Know your rights webinar", "Construction career fair"]
    within_a_week = titles(client, "when=week")
    assert within_a_week[: len(soon)] == soon[: len(within_a_week)]
    assert "ITIN and taxes night" not in titles(client, "when=month")
    day = events["taxes"].local_starts_at.date()
    assert titles(client, f"date_from={day}&date_to={day}") == ["ITIN and taxes night"]


def test_past_and_cancelled_events_leave_the_list(client, events):
    EventFactory(title_en="Yesterday", starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    EventFactory(title_en="Called off", cancelled_at=timezone.now())
    listed = titles(client, "")
    assert "Yesterday" not in listed and "Called off" not in listed
    assert listed[0] == "Resume clinic"


def test_an_event_still_going_on_stays_until_it_ends(client):
    EventFactory(title_en="Going on", starts_at=timezone.now() - timedelta(hours=1),
                 ends_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    assert titles(client, "") == ["Going on"]


@pytest.mark.parametrize(
    "query",
    [
        "zip=00000", "radius=-3", "when=never", "date_from=1900-01-01", "date_to=9999-12-31",
        "date_from=2030-02-30", "kind=party", "sort=pay", "page=abc", "q=" + "x" * 300,
        "date_from=2030-05-02&date_to=2030-05-01",
    ],
)  # fmt: skip
def test_bad_filters_are_explained_and_the_rest_still_apply(client, events, query):
    response = client.get(f"/es/events/?{query}&where=online")
    assert response.status_code == 200
    if not query.startswith("page"):
        assert "Algunos filtros no se pudieron usar" in response.content.decode()
    assert titles(client, f"{query}&where=online") == [
        "Know your rights webinar",
        "Hybrid business session",
    ]


def test_typing_dates_asks_for_them():
    form = EventFilterForm({"date_from": "2030-05-01"})
    assert form.filters().when == "dates"


def chicago(day: int, hour: int):
    """A time in May 2030, in the site's zone: the 5th is a Sunday, the 11th a Saturday."""
    return timezone.make_aware(datetime(2030, 5, day, hour))


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize(
    ("now", "the_last_night"),
    [
        (chicago(5, 9), "2030-05-11"),  # Sunday: the whole week is to come
        (chicago(8, 12), "2030-05-11"),  # Wednesday
        (chicago(11, 20), "2030-05-11"),  # Saturday: this week is tonight
        (chicago(12, 0), "2030-05-18"),  # Sunday at midnight: a new week
    ],
)  # fmt: skip
def test_this_week_runs_from_now_to_saturday_night(now, the_last_night, language):
    # Calendars in the United States start the week on Sunday, in both languages.
    with translation.override(language):
        start, end = EventFilters(when="week").period(now)
    the_end = timezone.make_aware(datetime.fromisoformat(the_last_night) + timedelta(days=1))
    assert (start, end) == (now, the_end)


@pytest.mark.parametrize(
    ("language", "found"),
    [("es", "Se encontraron 3 eventos"), ("en", "3 events found")],
)
def test_this_week_on_a_sunday_finds_the_events_of_the_days_to_come(
    client, monkeypatch, language, found
):
    sunday = chicago(5, 9)
    monkeypatch.setattr(timezone, "now", lambda: sunday)
    for day, title in [(5, "Sunday"), (6, "Monday"), (11, "Saturday"), (12, "Next Sunday")]:
        EventFactory(title_en=title, starts_at=chicago(day, 18), ends_at=chicago(day, 20))

    page = client.get(f"/{language}/events/?when=week").content.decode()

    assert found in page
    assert titles(client, "when=week") == ["Sunday", "Monday", "Saturday"]


def test_the_filters_stay_in_the_url_of_the_next_page(client):
    EventFactory.create_batch(
        21, kind="webinar", topic="", format="online", join_url="https://x.org"
    )
    page = client.get("/en/events/?kind=webinar&where=online").content.decode()
    assert "?kind=webinar&amp;where=online&amp;page=2" in page
