"""Partners submit events, staff review them through the shared workflow; series, cancelling
and moving are the events' own services."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apps.core.indexing import search_reindex, search_unlisted_remove
from apps.core.models import AuditEntry
from apps.core.services import InvalidTransition, allowed_transitions, publication_renew
from apps.events.models import Event, EventQuestion, EventSearchEntry
from apps.events.services import (
    event_cancel,
    event_move,
    event_seats_set,
    event_series_create,
    on_event_changed,
)
from portal.celery import app
from tests.accounts.factories import CuratorFactory
from tests.core.test_registries import registered
from tests.events.factories import EventFactory, in_days
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NEXT_WEEK = in_days(7, hour=18).strftime("%Y-%m-%d")


def workshop(organization, **changes) -> dict:
    """The form of a Spanish-only workshop at a library in Chicago, next week at 6 p.m."""
    return {
        "organization": organization.pk, "kind": "workshop", "topic": "resume",
        "title_es": "Taller de currículum", "title_en": "",
        "summary_es": "Prepara tu currículum con ayuda.", "summary_en": "",
        "description_es": "Trae tus ideas; tenemos computadoras.", "description_en": "",
        "starts_at": f"{NEXT_WEEK}T18:00", "ends_at": f"{NEXT_WEEK}T20:00",
        "time_zone": "America/Chicago", "language": "es", "audience": "everyone",
        "is_free": "on", "format": "in_person", "venue_name": "Biblioteca Toman",
        "address": "2708 S Pulaski Rd", "city": "Chicago", "state": "IL", "zip_code": "60623",
        "id_at_the_door": "no", "capacity": "25",
        "questions-TOTAL_FORMS": "1", "questions-INITIAL_FORMS": "0",
        "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "5",
        "questions-0-prompt_es": "", "questions-0-kind": "text",
        **changes,
    }  # fmt: skip


@pytest.fixture
def partner(client):
    membership = MembershipFactory(user__preferred_language="es")
    client.force_login(membership.user)
    return membership


def test_a_partner_submits_an_event_and_staff_publish_it(
    client, partner, django_capture_on_commit_callbacks
):
    response = client.post(
        "/es/events/new/",
        workshop(partner.organization, **{
            "questions-0-prompt_es": "¿Necesitas cuidado de niños?", "questions-0-kind": "text",
        }),
    )  # fmt: skip
    event = Event.objects.get()
    assert response["Location"] == event.get_manage_url()
    assert event.status == "draft" and event.missing_languages == ["en"]
    assert event.local_starts_at.hour == 18 and event.expires_on == event.local_starts_at.date()
    assert [q.prompt_es for q in event.questions.all()] == ["¿Necesitas cuidado de niños?"]

    client.post(event.get_manage_url(), {"action": "submit"})
    assert Event.objects.get().status == "pending"

    client.force_login(CuratorFactory())
    queue = client.get("/es/review/events/").content.decode()
    assert "Taller de currículum" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.get_manage_url(), {"action": "publish", "note": ""})

    assert Event.objects.get().status == "published"
    assert EventSearchEntry.objects.get(event=event).kind == "workshop"
    assert [e.action for e in AuditEntry.objects.order_by("id")] == ["create", "submit", "publish"]
    [notice] = mail.outbox
    assert notice.to == [partner.user.email] and "Taller de currículum" in notice.body
    client.logout()
    assert "Taller de currículum" in client.get("/es/events/?q=curriculum").content.decode()


def test_the_form_keeps_what_was_typed_and_explains_every_mistake(client, partner):
    data = workshop(
        partner.organization,
        ends_at=f"{NEXT_WEEK}T17:00",
        capacity="-1",
        **{"questions-0-prompt_es": "¿Cuál es tu estatus migratorio?"},
    )

    response = client.post("/es/events/new/", data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "El final debe ser después del inicio." in page
    assert (
        "Asegúrese de que este valor sea mayor o igual a 1." in page or "mayor o igual a 1" in page
    )
    assert "Camino no permite que quienes organizan pregunten" in page
    assert 'value="Taller de currículum"' in page and f'value="{NEXT_WEEK}T17:00"' in page
    assert not Event.objects.exists()


@pytest.mark.parametrize("year", ["1900", "9999"])
def test_dates_in_1900_or_9999_are_refused_with_a_message(client, partner, year):
    data = workshop(
        partner.organization, starts_at=f"{year}-12-31T23:00", ends_at=f"{year}-12-31T23:30"
    )

    response = client.post("/es/events/new/", data)

    assert response.status_code == 200
    assert "Escriba una fecha entre 2000 y 2099." in response.content.decode()
    assert not Event.objects.exists()


def test_a_weekly_office_hour_is_a_series_reviewed_once(
    client, partner, django_capture_on_commit_callbacks
):
    # Across the change from daylight saving time: 6 p.m. stays 6 p.m. in Chicago.
    data = workshop(
        partner.organization, kind="office_hours", topic="", repeat="1", occurrences="4",
        starts_at="2030-10-21T18:00", ends_at="2030-10-21T19:00",
        **{"questions-0-prompt_es": "¿Qué tema?", "questions-0-kind": "text"},
    )  # fmt: skip
    client.post("/es/events/new/", data)

    events = list(Event.objects.order_by("starts_at"))
    assert [e.local_starts_at.strftime("%m-%d %H:%M") for e in events] == [
        "10-21 18:00", "10-28 18:00", "11-04 18:00", "11-11 18:00",
    ]  # fmt: skip
    assert len({e.series_id for e in events}) == 1
    assert EventQuestion.objects.filter(prompt_es="¿Qué tema?").count() == 4

    client.post(events[0].get_manage_url(), {"action": "submit"})
    client.force_login(CuratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(events[0].get_manage_url(), {"action": "publish"})

    assert set(Event.objects.values_list("status", flat=True)) == {"published"}
    assert EventSearchEntry.objects.count() == 4


def test_an_event_is_not_renewed_it_is_listed_until_it_ends():
    event = EventFactory()
    member = MembershipFactory(organization=event.organization).user

    assert not {"renew", "renew with changes"} & set(allowed_transitions(actor=member, item=event))
    with pytest.raises(InvalidTransition):
        publication_renew(actor=member, item=event)


@pytest.fixture
def changes():
    """What on_event_changed hooks receive, as the registration helper's would."""
    seen = []

    def hook(*, event, change, previous_starts_at, entry):
        seen.append((event.pk, change, previous_starts_at, entry.action))

    with registered(on_event_changed, "test", hook):
        yield seen


def test_cancelling_tells_the_hooks_and_the_event_leaves_the_list(client, changes):
    event = EventFactory(title_en="Fair")
    member = MembershipFactory(organization=event.organization).user

    client.force_login(member)
    client.post(f"/en/events/{event.pk}/cancel/", {"note": "The hall flooded."})

    event.refresh_from_db()
    assert event.is_cancelled and event.sequence == 1
    assert changes == [(event.pk, "cancelled", event.starts_at, "cancel")]
    assert AuditEntry.objects.get(action="cancel").note == "The hall flooded."
    client.logout()
    assert "Fair" not in client.get("/en/events/").content.decode()
    assert "This event is cancelled." in client.get(event.get_absolute_url()).content.decode()
    with pytest.raises(InvalidTransition):
        event_cancel(actor=member, event=event)


def test_moving_gives_a_new_time_in_the_events_zone_and_tells_the_hooks(client, changes):
    event = EventFactory(time_zone="America/Los_Angeles", registration_closes_at=in_days(7, hour=9))
    previous = event.starts_at
    client.force_login(MembershipFactory(organization=event.organization).user)

    response = client.post(
        f"/en/events/{event.pk}/move/",
        {"starts_at": "2030-03-05T09:30", "ends_at": "2030-03-05T11:00", "note": "Bigger room"},
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.starts_at == datetime(2030, 3, 5, 17, 30, tzinfo=UTC)  # 9:30 a.m. PST
    assert event.sequence == 1 and event.expires_on.isoformat() == "2030-03-05"
    assert EventSearchEntry.objects.get(pk=event.pk).starts_at == event.starts_at
    assert changes == [(event.pk, "moved", previous, "move")]


def test_a_move_to_the_past_or_backwards_is_refused_and_nothing_changes(client):
    event = EventFactory()
    client.force_login(MembershipFactory(organization=event.organization).user)

    backwards = client.post(
        f"/en/events/{event.pk}/move/",
        {"starts_at": "2030-03-05T09:30", "ends_at": "2030-03-05T08:00"},
    )
    past = client.post(
        f"/en/events/{event.pk}/move/",
        {"starts_at": "2020-03-05T09:30", "ends_at": "2020-03-05T11:00"},
    )

    assert "The end must be after the start." in backwards.content.decode()
    assert "The new start must be in the future." in past.content.decode()
    assert 'value="2020-03-05T09:30"' in past.content.decode()
    assert Event.objects.get().sequence == 0


def test_only_its_organization_and_curators_cancel_or_move_it():
    event = EventFactory()
    stranger = MembershipFactory().user
    with pytest.raises(PermissionDenied):
        event_cancel(actor=stranger, event=event)
    with pytest.raises(PermissionDenied):
        event_move(actor=stranger, event=event, starts_at=in_days(9), ends_at=in_days(9, hour=11))
    with pytest.raises(PermissionDenied):
        event_series_create(actor=stranger, event=event, every_weeks=1, occurrences=3)
    event_cancel(actor=CuratorFactory(), event=event)


def test_seats_left_follow_the_registrations_onto_the_search_entry(client):
    event = EventFactory(title_en="Full fair", capacity=10, seats_left=3)
    EventFactory(title_en="Open fair")
    assert EventSearchEntry.objects.get(pk=event.pk).seats_left == 3

    event_seats_set(event_id=event.pk, seats_left=0)

    page = client.get("/en/events/?seats=on").content.decode()
    assert "Open fair" in page and "Full fair" not in page
    assert re.search(r"Full fair", client.get("/en/events/").content.decode())
    assert Event.objects.get(pk=event.pk).seats_left == 0


def test_a_past_event_stays_at_its_address_but_leaves_the_list(client):
    event = EventFactory(
        title_en="Last week's fair", starts_at=in_days(-7), ends_at=in_days(-7) + timedelta(hours=2)
    )
    assert "This event is over." in client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Last week's fair" not in client.get("/en/events/").content.decode()


def test_an_event_has_a_search_entry_only_while_it_is_to_come():
    """Every search leaves out what is over or called off, so their entries go: at once when
    called off, daily once over (kept, they would grow what every search reads)."""
    now = timezone.now()
    EventFactory(title_en="Last week's fair", starts_at=in_days(-7), ends_at=in_days(-7, hour=12))
    ending = EventFactory(
        title_en="Today's fair",
        starts_at=now - timedelta(hours=2),
        ends_at=now + timedelta(hours=1),
    )
    coming = EventFactory(title_en="Next week's fair")

    def entries() -> set[int]:
        return set(EventSearchEntry.objects.values_list("pk", flat=True))

    assert entries() == {ending.pk, coming.pk}

    # Time passes: the fair is over, with no change to the event.
    Event.objects.filter(pk=ending.pk).update(ends_at=now - timedelta(minutes=1))
    assert search_unlisted_remove()["events.event"] == 1
    assert entries() == {coming.pk}
    assert search_reindex(["events.event"]) == {"events.event": 1}
    assert "apps.core.tasks.remove_unlisted_search_entries" in {
        entry["task"] for entry in app.conf.beat_schedule.values()
    }

    event_cancel(actor=CuratorFactory(), event=coming)
    assert entries() == set()


def test_staff_editing_a_published_event_cannot_change_its_time_only_move_it(client):
    event = EventFactory(title_es="Feria")
    client.force_login(CuratorFactory())
    form = client.get(f"/es/events/{event.pk}/edit/").context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else ""
        for name in form.fields
        if name not in ("is_free", "interpretation")
    }
    data["starts_at"] = "2031-01-01T10:00"
    data["title_es"] = "Feria de empleo"
    data.update({"is_free": "on", "questions-TOTAL_FORMS": "0", "questions-INITIAL_FORMS": "0"})

    response = client.post(f"/es/events/{event.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    event.refresh_from_db()
    assert event.title_es == "Feria de empleo"
    assert event.starts_at == in_days(7) and event.sequence == 0


def test_partners_post_only_for_their_own_organizations(client, partner):
    other = MembershipFactory().organization

    response = client.post("/es/events/new/", workshop(other))

    assert response.status_code == 200
    assert "Escoja una opción válida" in response.content.decode()
    assert not Event.objects.exists()
