from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.jobs.models import SavedSearch
from apps.notifications.digest import digest_week, digests_queue
from apps.notifications.models import Delivery
from apps.notifications.services import preferences_update
from apps.notifications.tasks import send_weekly_digests, sweep_deliveries
from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

SINCE, UNTIL = digest_week(timezone.now())
LAST_WEEK = SINCE + timedelta(days=2)


def subscriber(language="es", *, searches=("q=cocinero",), **fields):
    user = UserFactory(preferred_language=language, **fields)
    preferences_update(user_id=user.pk, weekly_digest=True)
    for query in searches:
        SavedSearch.objects.create(user=user, name=query, query=query)
    return user


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """Deliveries are sent after commit, as in a request or a task."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def job(title, published_at=LAST_WEEK, **fields):
    return JobFactory(title_es=title, title_en=title, published_at=published_at, **fields)


def test_the_week_is_monday_to_sunday_before_the_week_it_is_sent_in():
    since, until = digest_week(timezone.now())
    assert (since.weekday(), until.weekday()) == (0, 0)
    assert until - since == timedelta(days=7)
    assert since <= timezone.now() - timedelta(days=7) < until <= timezone.now()


def test_a_digest_lists_last_weeks_new_jobs_from_all_the_persons_saved_searches(sending):
    person = subscriber(searches=["q=cocinero", "q=jardinero"], display_name="Lucía")
    job("Cocinero de línea", published_at=SINCE + timedelta(days=1))
    job("Jardinero", published_at=SINCE + timedelta(days=5))
    job("Cocinero de ayer", published_at=SINCE - timedelta(minutes=1))  # the week before
    job("Cocinero de hoy", published_at=UNTIL + timedelta(minutes=1))  # next week's
    job("Cocinero cerrado", status="expired")
    job("Carpintero")

    with sending():
        send_weekly_digests()

    [email] = mail.outbox
    assert email.to == [person.email]
    body = email.body
    assert body.index("Jardinero") < body.index("Cocinero de línea")  # newest first
    assert "2 empleos nuevos coinciden con sus búsquedas guardadas" in body
    for absent in ("de ayer", "de hoy", "cerrado", "Carpintero"):
        assert absent not in body
    assert "Hola, Lucía:" in body
    assert email.subject.startswith("Novedades para usted en Camino")


def test_nobody_gets_a_digest_they_did_not_ask_for_or_with_nothing_new():
    asked_for_nothing_new = subscriber(searches=["q=electricista"])
    did_not_ask = UserFactory()
    SavedSearch.objects.create(user=did_not_ask, name="c", query="q=cocinero")
    job("Cocinero")

    assert digests_queue() == 0
    assert mail.outbox == []
    assert asked_for_nothing_new.deliveries.count() == 0


def test_running_twice_sends_each_digest_once(sending):
    subscriber()
    job("Cocinero")
    with sending():
        assert digests_queue() == 1
        assert digests_queue() == 1  # offered again, under the same key
    assert Delivery.objects.filter(kind="weekly_digest").count() == 1
    assert len(mail.outbox) == 1


def test_a_digest_whose_jobs_all_closed_before_it_was_sent_is_dropped(
    django_capture_on_commit_callbacks,
):
    subscriber()
    listed = job("Cocinero")
    with django_capture_on_commit_callbacks(execute=False):  # queued, not yet sent
        digests_queue()
    listed.status = "expired"
    listed.save()
    Delivery.objects.update(due_at=timezone.now() - timedelta(minutes=5))
    sweep_deliveries()
    assert mail.outbox == []
    assert Delivery.objects.get().status == "dropped"


def test_turning_the_digest_off_drops_one_already_queued(django_capture_on_commit_callbacks):
    person = subscriber()
    job("Cocinero")
    with django_capture_on_commit_callbacks(execute=False):
        digests_queue()
    preferences_update(user_id=person.pk, weekly_digest=False)
    Delivery.objects.update(due_at=timezone.now() - timedelta(minutes=5))
    sweep_deliveries()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", ["Aquí tiene las novedades", "1 empleo nuevo coincide", "Sus búsquedas guardadas:",
                "Dejar de recibir correos como este:", "Elegir qué correos recibe:", "$18 por hora",
                "Abierto a todos"]),
        ("en", ["Here is what is new for you on Camino", "1 new job matches",
                "Your saved searches:", "Stop emails like this one:", "$18 per hour",
                "Open to all"]),
    ],
)  # fmt: skip
def test_the_digest_is_written_in_the_recipients_language(language, expected, sending):
    subscriber(language)
    job("Cocinero", pay_min=18, pay_max=18, pay_unit="hour", work_authorization="open")

    with sending():
        digests_queue()

    [email] = mail.outbox
    for text in expected:
        assert text in email.body
    html = email.alternatives[0][0]
    assert f'<html lang="{language}">' in html
    assert "src=" not in html  # nothing loaded from anywhere when it is opened
    day, month = SINCE.day, SINCE.month - 1  # dates in the language's own format
    start = {"es": f"{day} de {SPANISH_MONTHS[month]}", "en": f"{ENGLISH_MONTHS[month]} {day}"}
    assert start[language] in email.subject


SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]  # fmt: skip


def test_a_late_digest_of_an_earlier_week_keeps_its_own_dates(django_capture_on_commit_callbacks):
    """The sweeper may send a digest queued a week ago (the broker was down) in the same batch
    as this week's: each keeps the dates and subject of its own week."""
    late, current = subscriber("en"), subscriber("en")
    job("Cocinero", published_at=SINCE - timedelta(days=5))
    job("Cocinero nuevo")
    with django_capture_on_commit_callbacks(execute=False):  # none sent yet
        digests_queue(now=timezone.now() - timedelta(days=7))
        Delivery.objects.exclude(recipient=late).delete()
        digests_queue()
    Delivery.objects.update(due_at=timezone.now() - timedelta(minutes=5))

    sweep_deliveries()  # one batch

    earlier = SINCE - timedelta(days=7)
    week_before, last_week = (
        f"{ENGLISH_MONTHS[day.month - 1]} {day.day}" for day in (earlier, SINCE)
    )
    assert sorted((email.to[0], week_before in email.subject, last_week in email.subject)
                  for email in mail.outbox) == sorted([
        (late.email, True, False), (late.email, False, True), (current.email, False, True)
    ])  # fmt: skip
