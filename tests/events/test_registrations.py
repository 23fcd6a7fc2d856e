"""Registering, the waiting list and offers (apps.events.registrations): the services, and
on PostgreSQL, proof that concurrent people never get more seats than there are."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from apps.events.models import Event, Registration
from apps.events.registrations import (
    OfferGone,
    RegistrationRefused,
    attendance_lists_erase,
    offer_confirm,
    offers_expire,
    registration_cancel,
    registration_create,
)
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def full_event(capacity: int = 1, **fields) -> Event:
    return EventFactory(capacity=capacity, seats_left=capacity, **fields)


def seats_left(event: Event) -> int | None:
    return Event.objects.get(pk=event.pk).seats_left


def statuses(event: Event) -> list[tuple[str, int | None]]:
    return list(
        Registration.objects.filter(event=event)
        .order_by("created_at", "pk")
        .values_list("status", "position")
    )


def test_registering_takes_a_seat_and_a_full_event_puts_people_in_line():
    event = full_event(capacity=1)
    first, second, third = UserFactory.create_batch(3)

    registration_create(user=first, event=event)
    waiting = registration_create(user=second, event=event)
    registration_create(user=third, event=event)

    assert statuses(event) == [("registered", None), ("waiting", 1), ("waiting", 2)]
    assert seats_left(event) == 0
    assert waiting.code and len(waiting.code) == 6
    # Registering twice changes nothing.
    assert registration_create(user=second, event=event).pk == waiting.pk
    assert Registration.objects.filter(event=event).count() == 3


def test_an_unlimited_event_has_seats_for_everyone():
    event = EventFactory(capacity=None, seats_left=None)
    for person in UserFactory.create_batch(3):
        registration_create(user=person, event=event)
    assert [status for status, _ in statuses(event)] == ["registered"] * 3
    assert seats_left(event) is None


def test_a_cancelled_seat_is_offered_to_the_first_in_line_who_confirms_it(
    django_capture_on_commit_callbacks,
):
    event = full_event(capacity=1)
    first, second, third = UserFactory.create_batch(3, preferred_language="es")
    seat = registration_create(user=first, event=event)
    offered = registration_create(user=second, event=event)
    registration_create(user=third, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(user=first, registration=seat)

    offered.refresh_from_db()
    assert offered.status == "offered"
    # A week ahead, the person has a day to confirm.
    assert offered.offer_expires_at - timezone.now() == pytest.approx(
        timedelta(hours=24), abs=timedelta(seconds=10)
    )
    assert seats_left(event) == 0  # the offer holds the seat
    [email] = mail.outbox
    assert email.to == [second.email]
    assert email.subject.startswith("Hay un lugar libre para usted")

    offer_confirm(user=second, registration=offered)
    offered.refresh_from_db()
    assert (offered.status, offered.position, offered.offer_expires_at) == (
        "registered",
        None,
        None,
    )
    assert seats_left(event) == 0


def test_an_offer_close_to_the_event_gives_less_time():
    event = full_event(capacity=1, starts_at=timezone.now() + timedelta(hours=10),
                       ends_at=timezone.now() + timedelta(hours=12))  # fmt: skip
    first, second = UserFactory.create_batch(2)
    seat = registration_create(user=first, event=event)
    offered = registration_create(user=second, event=event)
    registration_cancel(user=first, registration=seat)
    offered.refresh_from_db()
    assert offered.offer_expires_at - timezone.now() == pytest.approx(
        timedelta(hours=5), abs=timedelta(seconds=10)
    )


def test_an_offer_not_confirmed_in_time_moves_to_the_next_person():
    event = full_event(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    seat = registration_create(user=first, event=event)
    late = registration_create(user=second, event=event)
    next_one = registration_create(user=third, event=event)
    registration_cancel(user=first, registration=seat)

    assert offers_expire(now=timezone.now() + timedelta(hours=25)) == 1

    late.refresh_from_db()
    next_one.refresh_from_db()
    assert late.status == "cancelled"
    assert next_one.status == "offered"
    with pytest.raises(OfferGone):
        offer_confirm(user=second, registration=late)
    assert seats_left(event) == 0


def test_a_seat_nobody_waits_for_goes_back_to_the_event():
    event = full_event(capacity=2)
    person = UserFactory()
    registration = registration_create(user=person, event=event)
    assert seats_left(event) == 1
    registration_cancel(user=person, registration=registration)
    assert seats_left(event) == 2
    # A person may register again after cancelling.
    assert registration_create(user=person, event=event).status == "registered"


def test_leaving_the_waiting_list_frees_no_seat():
    event = full_event(capacity=1)
    first, second = UserFactory.create_batch(2)
    registration_create(user=first, event=event)
    waiting = registration_create(user=second, event=event)
    registration_cancel(user=second, registration=waiting)
    assert seats_left(event) == 0
    assert statuses(event) == [("registered", None), ("cancelled", None)]


def test_nobody_cancels_or_confirms_for_someone_else():
    from django.core.exceptions import PermissionDenied

    event = full_event(capacity=1)
    registration = registration_create(user=UserFactory(), event=event)
    with pytest.raises(PermissionDenied):
        registration_cancel(user=UserFactory(), registration=registration)
    with pytest.raises(PermissionDenied):
        offer_confirm(user=UserFactory(), registration=registration)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_at": timezone.now() - timedelta(days=2),
          "ends_at": timezone.now() - timedelta(days=2) + timedelta(hours=2)},
         "Este evento ya empezó o terminó."),
        ({"cancelled_at": timezone.now()}, "Este evento fue cancelado."),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)},
         "La inscripción está cerrada."),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)},
         "La inscripción todavía no abre."),
        ({"status": "pending"}, "Este evento no está abierto a inscripciones."),
    ],
)  # fmt: skip
def test_registration_is_refused_for_past_cancelled_closed_or_unpublished_events(fields, message):
    event = full_event(capacity=5, **fields)
    with pytest.raises(RegistrationRefused) as refused:
        registration_create(user=UserFactory(), event=event)
    assert str(refused.value.message) == message
    assert not Registration.objects.exists()
    assert seats_left(event) == 5


def test_attendance_lists_are_erased_after_the_retention_period_and_counts_stay(settings):
    settings.EVENT_ATTENDANCE_RETENTION_DAYS = 90
    old = full_event(capacity=5)
    recent = full_event(capacity=5)
    for event in (old, recent):
        registration_create(user=UserFactory(), event=event)
    Registration.objects.update(status="attended", checked_in_at=timezone.now())
    Event.objects.filter(pk=old.pk).update(
        starts_at=timezone.now() - timedelta(days=92), ends_at=timezone.now() - timedelta(days=91)
    )

    assert attendance_lists_erase() == 1

    erased = Registration.objects.get(event=old)
    assert (erased.user, erased.code, erased.answers, erased.status) == (None, "", {}, "attended")
    assert Registration.objects.get(event=recent).user is not None


# --- On PostgreSQL, with people registering at the same time ---------------------------------

# At most this many connections at once: the test database serves other tests too.
CONNECTIONS = 40


def concurrently(calls) -> list:
    """Run each call in a thread of its own, each with its own database connection, all
    released at once; at most CONNECTIONS of them hold a connection at a time."""
    start = threading.Barrier(len(calls))
    gate = threading.Semaphore(CONNECTIONS)

    def run(call):
        from django.db import connections

        start.wait()
        with gate:
            try:
                return call()
            except Exception as error:  # returned, to be asserted on
                return error
            finally:
                connections.close_all()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_200_people_registering_at_once_for_20_seats_get_exactly_20():
    assert connection.vendor == "postgresql"
    event = full_event(capacity=20)
    people = UserFactory.create_batch(200)

    results = concurrently(
        [lambda person=person: registration_create(user=person, event=event) for person in people]
    )

    assert [r for r in results if isinstance(r, Exception)] == []
    rows = list(Registration.objects.filter(event=event).order_by("created_at", "pk"))
    assert [r.status for r in rows] == ["registered"] * 20 + ["waiting"] * 180
    # The waiting list is in order of arrival: places 1 to 180, as they came.
    assert [r.position for r in rows[20:]] == list(range(1, 181))
    assert seats_left(event) == 0
    assert len({r.code for r in rows}) == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_and_confirmations_never_exceed_the_seats():
    event = full_event(capacity=10)
    people = UserFactory.create_batch(40)
    for person in people:
        registration_create(user=person, event=event)
    seated = list(Registration.objects.filter(event=event, status="registered"))

    # Ten people give up their seats at once: the first ten waiting are offered them.
    concurrently([lambda r=r: registration_cancel(user=r.user, registration=r) for r in seated])
    offered = list(Registration.objects.filter(event=event, status="offered"))
    assert sorted(r.position for r in offered) == list(range(1, 11))
    assert seats_left(event) == 0

    # They confirm (some twice, a double tap) while newcomers register and offers expire.
    calls = [lambda r=r: offer_confirm(user=r.user, registration=r) for r in offered * 2]
    calls += [lambda p=p: registration_create(user=p, event=event)
              for p in UserFactory.create_batch(10)]  # fmt: skip
    calls += [offers_expire] * 3
    results = concurrently(calls)

    assert [r for r in results if isinstance(r, Exception)] == []
    counts = {
        status: Registration.objects.filter(event=event, status=status).count()
        for status in ("registered", "offered", "waiting", "cancelled")
    }
    assert counts == {"registered": 10, "offered": 0, "waiting": 30, "cancelled": 10}
    assert seats_left(event) == 0
    waiting = Registration.objects.filter(event=event, status="waiting").order_by("position")
    assert len({r.position for r in waiting}) == 30


def test_saving_the_capacity_sets_the_seats_left_and_offers_new_seats_to_those_waiting():
    from apps.events.services import event_save

    curator = CuratorFactory()
    event = EventFactory(capacity=None)
    event.capacity = 1
    event_save(actor=curator, event=event)  # as the edit form does
    assert seats_left(event) == 1

    first, second, third = UserFactory.create_batch(3)
    for person in (first, second, third):
        registration_create(user=person, event=event)
    assert seats_left(event) == 0

    event.capacity = 2
    event_save(actor=curator, event=event)
    assert [status for status, _ in statuses(event)] == ["registered", "offered", "waiting"]
    assert seats_left(event) == 0

    event.capacity = 1  # fewer seats: nobody loses theirs
    event_save(actor=curator, event=event)
    assert seats_left(event) == 0
    assert Registration.objects.filter(status__in=["registered", "offered"]).count() == 2
