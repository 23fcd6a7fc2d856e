"""Events in the weekly digest (new events in the person's language) and in the staff daily
summary (events waiting for review, events coming up that nobody registered for)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.events.registrations import registration_create
from apps.notifications.digest import digest_week
from apps.notifications.services import preferences_update
from apps.notifications.tasks import send_staff_summaries, send_weekly_digests
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, in_days

pytestmark = pytest.mark.django_db

SINCE, UNTIL = digest_week(timezone.now())
LAST_WEEK = SINCE + timedelta(days=2)


def subscriber(language: str):
    user = UserFactory(preferred_language=language)
    preferences_update(user_id=user.pk, weekly_digest=True)
    return user


def test_the_digest_lists_last_weeks_new_events_in_the_persons_language(
    django_capture_on_commit_callbacks,
):
    spanish, english = subscriber("es"), subscriber("en")
    EventFactory(title_es="Feria de empleo", language="es", published_at=LAST_WEEK)
    EventFactory(title_es="Taller bilingüe", title_en="Bilingual workshop", language="both",
                 published_at=LAST_WEEK)  # fmt: skip
    EventFactory(title_en="Interview webinar", language="en", published_at=LAST_WEEK,
                 format="online", join_url="https://meet.example.org/x")  # fmt: skip
    EventFactory(title_es="Taller de la semana anterior", published_at=SINCE - timedelta(days=1))
    EventFactory(title_es="Taller cancelado", published_at=LAST_WEEK, cancelled_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests()

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Feria de empleo" in bodies[spanish.email]
    assert "Taller bilingüe" in bodies[spanish.email]
    assert "Interview webinar" not in bodies[spanish.email]
    assert "2 eventos nuevos en su idioma" in bodies[spanish.email]
    assert "Interview webinar" in bodies[english.email]
    assert "Bilingual workshop" in bodies[english.email]
    assert "Feria de empleo" not in bodies[english.email]
    for body in bodies.values():
        assert "anterior" not in body and "cancelado" not in body
        assert "meet.example.org" not in body  # never the join link


def test_someone_who_went_to_events_hears_of_those_near_them_and_online(
    django_capture_on_commit_callbacks,
):
    person = subscriber("es")
    went = EventFactory(zip_code="60623", capacity=None)  # Chicago
    registration_create(user=person, event=went)
    EventFactory(title_es="Feria en Cicero", zip_code="60804", published_at=LAST_WEEK)
    EventFactory(title_es="Feria en Houston", zip_code="77036", city="Houston", state="TX",
                 published_at=LAST_WEEK)  # fmt: skip
    EventFactory(
        title_es="Seminario web", format="online", venue_name="", address="", zip_code="",
        join_url="https://meet.example.org/y", published_at=LAST_WEEK,
    )  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests()

    [email] = mail.outbox
    assert "Feria en Cicero" in email.body and "Seminario web" in email.body
    assert "Feria en Houston" not in email.body


def test_the_staff_summary_counts_events_to_review_and_events_nobody_registered_for(
    django_capture_on_commit_callbacks,
):
    curator = CuratorFactory(preferred_language="es")
    EventFactory(title_es="Feria pendiente", status="pending", submitted_at=timezone.now())
    EventFactory(title_es="Taller vacío", starts_at=in_days(5), ends_at=in_days(5, hour=12))
    full = EventFactory(title_es="Taller con gente", capacity=5, seats_left=5)
    registration_create(user=UserFactory(), event=full)
    EventFactory(title_es="Taller lejano", starts_at=in_days(40), ends_at=in_days(40, hour=12))

    with django_capture_on_commit_callbacks(execute=True):
        send_staff_summaries()

    [email] = [message for message in mail.outbox if message.to == [curator.email]]
    assert "1 evento esperando revisión" in email.body
    assert "Feria pendiente" in email.body
    assert "1 evento de las próximas dos semanas no tiene a nadie inscrito" in email.body
    assert "Taller vacío" in email.body
    assert "Taller con gente" not in email.body and "Taller lejano" not in email.body
