"""Reminders a week and a day before, and the notices of a cancelled or moved event, through
the shared delivery log: rows swept by the periodic task, in each person's language and time
zone."""

from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.utils import timezone

from apps.events.models import Event
from apps.events.registrations import registration_cancel, registration_create
from apps.events.services import event_cancel, event_move
from apps.notifications.models import Delivery
from apps.notifications.services import preferences_update
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(starts_at=in_days(10, hour=18), ends_at=in_days(10, hour=20),
                        capacity=1, seats_left=1, format="hybrid",
                        join_url="https://meet.example.org/taller")  # fmt: skip


def reminders():
    return sorted(
        Delivery.objects.filter(kind="event_reminder").values_list(
            "params__which", "due_at", "status"
        )
    )


def time_passes(delta):
    """Every scheduled delivery comes `delta` closer, as the clock would move."""
    for delivery in Delivery.objects.all():
        delivery.due_at -= delta
        delivery.save(update_fields=["due_at"])


def test_a_seat_schedules_reminders_a_week_and_a_day_before(event):
    registration_create(user=UserFactory(), event=event)
    registration_create(user=UserFactory(), event=event)  # waiting: no reminders
    assert reminders() == [
        ("day", event.starts_at - timedelta(days=1), "pending"),
        ("week", event.starts_at - timedelta(days=7), "pending"),
    ]


def test_a_reminder_comes_in_the_persons_language_and_time_zone_with_the_ics():
    event = EventFactory(starts_at=in_days(3, hour=18), ends_at=in_days(3, hour=20),
                         format="hybrid", join_url="https://meet.example.org/taller")  # fmt: skip
    person = UserFactory(preferred_language="es", time_zone="America/Los_Angeles",
                         display_name="Rosa")  # fmt: skip
    registration_create(user=person, event=event)
    assert [which for which, _due, _status in reminders()] == ["day"]  # a week is past

    time_passes(event.starts_at - timedelta(days=1) - timezone.now() + timedelta(minutes=1))
    sweep_deliveries()

    [email] = mail.outbox
    assert email.subject == f"Mañana: {event.title_es}"
    body = email.body
    assert "Hola, Rosa:" in body
    assert "16:00–18:00 PST" in body  # 6 p.m. in Chicago
    assert "https://meet.example.org/taller" in body
    assert "2708 S Pulaski Rd" in body
    parsed = message_from_bytes(email.message().as_bytes(), policy=policy.default)
    [ics] = [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]
    calendar = ics.get_payload(decode=True).decode()
    assert f"UID:event-{event.pk}@" in calendar
    assert "meet.example.org/taller" in calendar


def test_a_weeks_reminder_sent_so_late_that_the_days_is_due_is_dropped():
    from apps.events.emails import event_reminder

    event = EventFactory(starts_at=timezone.now() + timedelta(hours=12),
                         ends_at=timezone.now() + timedelta(hours=14))  # fmt: skip
    registration = registration_create(user=UserFactory(), event=event)
    params = {"registration": registration.pk, "starts_at": event.starts_at.isoformat()}
    week, day = event_reminder([params | {"which": "week"}, params | {"which": "day"}])
    assert week is None
    assert day is not None and day.topic == "event_reminders"


def test_people_who_turned_reminders_off_get_none(event):
    person = UserFactory()
    preferences_update(user_id=person.pk, event_reminders=False)
    registration_create(user=person, event=event)
    time_passes(timedelta(days=10))
    sweep_deliveries()
    assert mail.outbox == []
    assert {status for _which, _due, status in reminders()} == {"dropped"}


def test_a_cancelled_registration_gets_no_reminder(event):
    person = UserFactory()
    registration = registration_create(user=person, event=event)
    registration_cancel(user=person, registration=registration)
    time_passes(timedelta(days=10))
    sweep_deliveries()
    assert mail.outbox == []


def test_a_cancelled_event_tells_everyone_in_their_language_and_sends_no_reminders(
    event, django_capture_on_commit_callbacks
):
    seated = UserFactory(preferred_language="es")
    waiting = UserFactory(preferred_language="en")
    registration_create(user=seated, event=event)
    registration_create(user=waiting, event=event)

    with django_capture_on_commit_callbacks(execute=True):
        event_cancel(actor=CuratorFactory(), event=event)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        seated.email: f"Cancelado: {event.title_es}",
        waiting.email: f"Cancelled: {event.title_en}",
    }
    mail.outbox.clear()
    time_passes(timedelta(days=10))
    sweep_deliveries()
    assert mail.outbox == []
    assert {status for _which, _due, status in reminders()} == {"dropped"}


def test_a_moved_event_moves_its_reminders_and_tells_everyone(
    event, django_capture_on_commit_callbacks
):
    seated = UserFactory(preferred_language="en", time_zone="America/New_York")
    registration_create(user=seated, event=event)
    old_start = event.starts_at
    new_start = old_start + timedelta(days=3)

    with django_capture_on_commit_callbacks(execute=True):
        event_move(actor=CuratorFactory(), event=event, starts_at=new_start,
                   ends_at=new_start + timedelta(hours=2))  # fmt: skip

    [notice] = mail.outbox
    assert notice.subject == f"New date: {event.title_en}"
    assert "7 p.m.–9 p.m. EST" in notice.body  # 6 p.m. in Chicago, seen from New York
    pending = [(which, due) for which, due, status in reminders() if status == "pending"]
    assert sorted(pending) == sorted([
        ("day", old_start - timedelta(days=1)), ("week", old_start - timedelta(days=7)),
        ("day", new_start - timedelta(days=1)), ("week", new_start - timedelta(days=7)),
    ])  # fmt: skip

    mail.outbox.clear()
    # At the old day-before time, the new week's reminder has come due; the old ones are
    # dropped.
    time_passes(old_start - timedelta(days=1) - timezone.now() + timedelta(minutes=1))
    sweep_deliveries()
    assert [message.subject for message in mail.outbox] == [f"In a week: {event.title_en}"]
    mail.outbox.clear()
    time_passes(timedelta(days=3))  # the new one
    sweep_deliveries()
    assert [message.subject for message in mail.outbox] == [f"Tomorrow: {event.title_en}"]


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_sends_a_due_reminder_once(celery_worker):
    from tests.worker import wait_for

    event = EventFactory(capacity=5, seats_left=5, starts_at=timezone.now() + timedelta(days=8),
                         ends_at=timezone.now() + timedelta(days=8, hours=2))  # fmt: skip
    person = UserFactory(preferred_language="es", email="recordatorio@example.org")
    registration_create(user=person, event=event)
    Delivery.objects.filter(params__which="week").update(
        due_at=timezone.now() - timedelta(minutes=2)
    )

    sweep_deliveries.delay()
    sweep_deliveries.delay()  # the next minute's tick, before the first is done

    wait_for(lambda: Delivery.objects.filter(status="sent").count() == 1, what="the reminder")
    [path] = list(celery_worker.email_dir.glob("*.log"))
    text = path.read_text()
    assert text.count("To: recordatorio@example.org") == 1
    assert "Content-Type: text/calendar" in text
    assert Delivery.objects.get(params__which="day").status == "pending"
    assert Event.objects.get(pk=event.pk).seats_left == 4


def _registered(event, people: int, *, status="registered", start=0) -> list:
    """`people` new accounts registered for the event, written in bulk (the writes a person
    makes one by one are tested above)."""
    from apps.accounts.models import User
    from apps.events.models import CHECK_IN_ALPHABET, Registration

    def code(number: int) -> str:
        base = len(CHECK_IN_ALPHABET)
        return "".join(CHECK_IN_ALPHABET[number // base**n % base] for n in range(6))

    users = User.objects.bulk_create(
        User(email=f"guest{start + n}-{event.pk}@example.org", preferred_language="es")
        for n in range(people)
    )
    return Registration.objects.bulk_create(
        Registration(event=event, user=user, status=status, code=code(start + n))
        for n, user in enumerate(users)
    )


def test_an_events_reminders_are_queued_in_a_fixed_number_of_queries_whatever_its_size():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.events.registrations import reminders_schedule

    def queries_for(people: int) -> int:
        # Far enough ahead that both reminders are still to come, whatever the time of day.
        event = EventFactory(capacity=None, starts_at=in_days(10, hour=18),
                             ends_at=in_days(10, hour=20))  # fmt: skip
        registrations = _registered(event, people)
        with CaptureQueriesContext(connection) as captured:
            reminders_schedule(event=event)
        queued = Delivery.objects.filter(
            kind="event_reminder", params__registration__in=[r.pk for r in registrations]
        )
        assert queued.count() == 2 * people
        return len(captured)

    assert queries_for(5) == queries_for(600) == 1


def test_each_seat_gets_its_reminders_with_their_key_params_and_due_time_and_only_once():
    from apps.events.registrations import reminders_schedule

    event = EventFactory(capacity=None, starts_at=in_days(10, hour=18),
                         ends_at=in_days(10, hour=20))  # fmt: skip
    seated = _registered(event, 3)
    _registered(event, 2, status="cancelled", start=3)
    _registered(event, 2, status="waiting", start=5)
    reminders_schedule(event=event)
    reminders_schedule(event=event)  # again (a retry): the same emails, nothing more

    stamp = int(event.starts_at.timestamp())
    expected = {
        (f"event-reminder:{r.pk}:{which}:{stamp}", r.user_id,
         event.starts_at - before, "pending", 0)
        for r in seated for which, before in (("week", timedelta(days=7)),
                                              ("day", timedelta(days=1)))
    }  # fmt: skip
    rows = Delivery.objects.filter(kind="event_reminder")
    assert set(rows.values_list("key", "recipient_id", "due_at", "status", "attempts")) == expected

    def by_registration(params: dict) -> tuple:
        return params["registration"], params["which"]

    assert sorted(rows.values_list("params", flat=True), key=by_registration) == sorted(
        ({"registration": r.pk, "starts_at": event.starts_at.isoformat(), "which": which}
         for r in seated for which in ("week", "day")), key=by_registration
    )  # fmt: skip


def test_moving_an_event_tells_everyone_and_moves_reminders_in_a_fixed_number_of_queries(
    django_capture_on_commit_callbacks,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(people: int) -> int:
        event = EventFactory(capacity=None, starts_at=in_days(10, hour=18),
                             ends_at=in_days(10, hour=20))  # fmt: skip
        seated = [r.pk for r in _registered(event, people)]
        waiting = [r.pk for r in _registered(event, 1, status="waiting", start=people)]
        new_start = event.starts_at + timedelta(days=3)
        with CaptureQueriesContext(connection) as captured:
            event_move(actor=curator, event=event, starts_at=new_start,
                       ends_at=new_start + timedelta(hours=2))  # fmt: skip
        stamp = int(new_start.timestamp())
        reminders = Delivery.objects.filter(kind="event_reminder", key__endswith=f":{stamp}")
        assert reminders.filter(params__registration__in=seated).count() == 2 * people
        notices = Delivery.objects.filter(kind="event_changed", params__change="moved",
                                          params__sequence=1)  # fmt: skip
        assert notices.filter(params__registration__in=seated + waiting).count() == people + 1
        return len(captured)

    curator = CuratorFactory()
    with django_capture_on_commit_callbacks(execute=False):
        queries_for(1)  # the first move also looks up what is cached afterwards
        assert queries_for(5) == queries_for(600)


def test_one_batch_of_reminders_carries_each_persons_language_and_the_events_time_zone():
    """The .ics of a batch is written once per language (see registration_ics_writer): what
    each person gets is still their own language, with the join link and the event's
    VTIMEZONE."""
    event = EventFactory(starts_at=in_days(3, hour=18), ends_at=in_days(3, hour=20),
                         format="online", join_url="https://meet.example.org/feria",
                         title_es="Feria de empleo", title_en="Job fair")  # fmt: skip
    choices = [("es", "America/Los_Angeles"), ("en", ""), ("es", ""), ("en", "America/New_York")]
    people = [UserFactory(preferred_language=language, time_zone=zone)
              for language, zone in choices]  # fmt: skip
    for person in people:
        registration_create(user=person, event=event)
    time_passes(event.starts_at - timedelta(days=1) - timezone.now() + timedelta(minutes=1))
    sweep_deliveries()

    calendars = {}
    for message in mail.outbox:
        parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
        [ics] = [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]
        calendars[message.to[0]] = ics.get_payload(decode=True).decode()
    assert set(calendars) == {person.email for person in people}
    for person in people:
        calendar = calendars[person.email]
        title = {"es": "Feria de empleo", "en": "Job fair"}[person.preferred_language]
        assert f"SUMMARY:{title}" in calendar
        assert "meet.example.org/feria" in calendar
        assert "BEGIN:VTIMEZONE" in calendar and "TZID:America/Chicago" in calendar
        assert "DTSTART;TZID=America/Chicago:" in calendar  # the event's own zone
