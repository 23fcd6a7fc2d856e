"""A person's registrations in their download, and what deleting their account does: their
seats at events to come go to the next person waiting, and their rows stay as counts without
them (apps.events.personal_data)."""

import pytest

from apps.accounts.services import account_delete
from apps.core.personal_data import export
from apps.events.models import Event, EventMessage, Registration
from apps.events.registrations import (
    calendar_feed_of,
    event_message_send,
    registration_create,
)
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, EventQuestionFactory, in_days

pytestmark = pytest.mark.django_db


def test_the_download_has_the_persons_registrations_with_their_answers():
    event = EventFactory(capacity=3, seats_left=3)
    question = EventQuestionFactory(event=event)
    person = UserFactory()
    registration = registration_create(user=person, event=event, share_email=True,
                                       answers={str(question.pk): "Mediana"})  # fmt: skip
    registration_create(user=UserFactory(), event=event)  # someone else's
    calendar_feed_of(person)

    data = {entry.name: rows for entry, rows in export(person)}

    [row] = data["event_registrations"]
    assert row["event"] == str(event)
    assert row["answers"] == f"{question}: Mediana"
    assert row["code"] == registration.code
    assert row["shared"] == "nombre, correo electrónico"
    assert len(data["event_calendar"]) == 1


def test_deleting_an_account_gives_its_seats_to_the_next_person_and_keeps_counts():
    upcoming = EventFactory(capacity=1, seats_left=1)
    past = EventFactory(capacity=5, seats_left=5)
    leaving, waiting = UserFactory(), UserFactory()
    registration_create(user=leaving, event=past)
    Event.objects.filter(pk=past.pk).update(starts_at=in_days(-5), ends_at=in_days(-5, hour=12))
    Registration.objects.filter(event=past).update(status="attended")
    registration_create(user=leaving, event=upcoming)
    registration_create(user=waiting, event=upcoming)
    event_message_send(actor=CuratorFactory(), event=upcoming, subject="Hola", body="Hola")
    organizer = CuratorFactory()
    event_message_send(actor=organizer, event=past, subject="Gracias", body="Gracias")
    calendar_feed_of(leaving)

    account_delete(user=leaving)

    assert not Registration.objects.filter(user_id=leaving.pk).exists()
    assert Registration.objects.get(user=waiting).status == "offered"
    kept = Registration.objects.filter(user=None).order_by("event__starts_at")
    assert [(r.status, r.code, r.answers) for r in kept] == [
        ("attended", "", {}),
        ("cancelled", "", {}),
    ]
    assert Event.objects.get(pk=upcoming.pk).seats_left == 0  # offered to the next person
    assert EventMessage.objects.filter(sender=organizer).count() == 1
