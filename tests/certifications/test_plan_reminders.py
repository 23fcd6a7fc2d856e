"""The reminder before a plan step's target date, through the shared delivery log: queued
when a step gets a date (or a new one), due CERTIFICATIONS_PLAN_REMINDER_DAYS before it, sent
once in the person's language, and dropped when the step was done, deleted or moved."""

import zoneinfo
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from apps.certifications.plan_services import (
    plan_step_add,
    plan_step_check,
    plan_step_delete,
    plan_step_update,
)
from apps.notifications.models import Delivery
from apps.notifications.services import preferences_update
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def reminders():
    return list(
        Delivery.objects.filter(kind="plan_reminder")
        .order_by("pk")
        .values_list("params__target_date", "status")
    )


def time_passes(delta):
    for delivery in Delivery.objects.all():
        delivery.due_at -= delta
        delivery.save(update_fields=["due_at"])


def test_a_target_date_queues_a_reminder_three_days_before_at_nine_in_the_persons_zone():
    person = UserFactory(time_zone="America/Los_Angeles")
    step = plan_step_add(user=person, title="Sacar la tarjeta", target_date=in_days(10))
    [delivery] = Delivery.objects.filter(kind="plan_reminder")
    zone = zoneinfo.ZoneInfo("America/Los_Angeles")
    assert delivery.due_at == datetime.combine(in_days(7), datetime.min.time(), zone).replace(
        hour=9
    )
    assert delivery.params == {"step": step.pk, "target_date": in_days(10).isoformat()}
    assert delivery.recipient == person
    assert delivery.key == f"plan-reminder:{step.pk}:{in_days(10).isoformat()}"


def test_the_days_before_come_from_the_setting(settings):
    settings.CERTIFICATIONS_PLAN_REMINDER_DAYS = 7
    plan_step_add(user=UserFactory(), title="Paso", target_date=in_days(10))
    [delivery] = Delivery.objects.filter(kind="plan_reminder")
    assert delivery.due_at.astimezone(zoneinfo.ZoneInfo("America/Chicago")).date() == in_days(3)


def test_a_date_sooner_than_the_days_before_is_reminded_now_and_a_past_one_never():
    person = UserFactory()
    before = timezone.now()
    plan_step_add(user=person, title="Mañana", target_date=in_days(1))
    plan_step_add(user=person, title="Ayer", target_date=in_days(-1))
    plan_step_add(user=person, title="Sin fecha")
    [delivery] = Delivery.objects.filter(kind="plan_reminder")
    assert before <= delivery.due_at <= timezone.now()
    assert delivery.params["target_date"] == in_days(1).isoformat()


def test_editing_without_changing_the_date_queues_nothing_more():
    person = UserFactory()
    step = plan_step_add(user=person, title="Paso", target_date=in_days(10))
    plan_step_update(user=person, step=step, title="Otro título", target_date=in_days(10),
                     notes="notas")  # fmt: skip
    assert reminders() == [(in_days(10).isoformat(), "pending")]


def test_a_changed_date_queues_a_new_reminder_and_the_old_one_is_dropped():
    person = UserFactory(preferred_language="en")
    step = plan_step_add(user=person, title="Weld test", target_date=in_days(10))
    plan_step_update(user=person, step=step, title="Weld test", target_date=in_days(20), notes="")
    assert reminders() == [(in_days(10).isoformat(), "pending"),
                           (in_days(20).isoformat(), "pending")]  # fmt: skip
    time_passes(timedelta(days=30))
    sweep_deliveries()
    assert reminders() == [(in_days(10).isoformat(), "dropped"),
                           (in_days(20).isoformat(), "sent")]  # fmt: skip
    [email] = mail.outbox
    with translation.override("en"):
        assert email.subject == f"Your plan: “Weld test” by {date_format(in_days(20))}"


def test_a_date_moved_away_and_back_after_its_reminder_was_dropped_is_reminded_again():
    person = UserFactory()
    step = plan_step_add(user=person, title="Paso", target_date=in_days(2))  # due now
    plan_step_update(user=person, step=step, title="Paso", target_date=in_days(20), notes="")
    time_passes(timedelta(minutes=5))
    sweep_deliveries()  # the first date's is dropped: the date is another
    assert mail.outbox == []
    plan_step_update(user=person, step=step, title="Paso", target_date=in_days(2), notes="")
    time_passes(timedelta(minutes=5))
    sweep_deliveries()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("change", ["done", "deleted"])
def test_a_step_done_or_deleted_gets_no_reminder(change):
    person = UserFactory()
    step = plan_step_add(user=person, title="Paso", target_date=in_days(10))
    if change == "done":
        plan_step_check(user=person, step=step, done=True)
    else:
        plan_step_delete(user=person, step=step)
    time_passes(timedelta(days=10))
    sweep_deliveries()
    assert mail.outbox == []
    assert reminders() == [(in_days(10).isoformat(), "dropped")]


def test_people_who_turned_plan_reminders_off_get_none():
    person = UserFactory()
    preferences_update(user_id=person.pk, plan_reminders=False)
    plan_step_add(user=person, title="Paso", target_date=in_days(1))
    time_passes(timedelta(minutes=5))
    sweep_deliveries()
    assert mail.outbox == []


def test_the_preferences_page_offers_to_turn_them_off(client):
    person = UserFactory()
    client.force_login(person)
    page = client.get("/es/notifications/preferences/").content.decode()
    assert "Recordatorios de mi plan" in page


def test_the_reminder_in_spanish_carries_the_title_as_text_the_date_and_links():
    person = UserFactory(preferred_language="es", display_name="Rosa")
    plan_step_add(user=person, title="<b>Sacar</b> la tarjeta & más", target_date=in_days(2),
                  notes="Llevar la identificación")  # fmt: skip
    time_passes(timedelta(minutes=5))
    sweep_deliveries()
    [email] = mail.outbox
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
    date = f"{in_days(2).day} de {months[in_days(2).month - 1]} de {in_days(2).year}"
    assert email.subject == f"Su plan: «<b>Sacar</b> la tarjeta & más» para el {date}"
    assert "Hola, Rosa:" in email.body
    assert f"usted se puso el {date} como fecha para «<b>Sacar</b> la tarjeta & más»" in email.body
    assert "Llevar la identificación" in email.body
    assert "/es/careers/plan/" in email.body
    assert "/es/notifications/unsubscribe/" in email.body
    html = email.alternatives[0][0]
    assert "&lt;b&gt;Sacar&lt;/b&gt;" in html and "<b>Sacar" not in html


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_sends_a_due_reminder_once_in_spanish(celery_worker):
    from tests.worker import wait_for

    person = UserFactory(preferred_language="es", email="plan.recordatorio@example.org")
    plan_step_add(user=person, title="Inscribirme en el curso", target_date=in_days(10))
    Delivery.objects.filter(kind="plan_reminder").update(
        due_at=timezone.now() - timedelta(minutes=2)
    )

    sweep_deliveries.delay()
    sweep_deliveries.delay()  # the next minute's tick, before the first is done

    wait_for(lambda: Delivery.objects.filter(status="sent").count() == 1, what="the reminder")
    [path] = list(celery_worker.email_dir.glob("*.log"))
    text = path.read_text()
    assert text.count("To: plan.recordatorio@example.org") == 1
    assert "Un recordatorio de su plan" in text
