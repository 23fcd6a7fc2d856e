from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.notifications.models import Delivery
from apps.notifications.services import reminder_schedule
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import UserFactory
from tests.testapp.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return Meeting.objects.create(
        title="Taller de currículum", starts_at=timezone.now() + timedelta(days=1)
    )


def remind(meeting, person, *, due_at):
    reminder_schedule(
        key=f"meeting-reminder:{meeting.pk}:{person.pk}", recipient_id=person.pk,
        kind="meeting_reminder",
        params={"meeting": meeting.pk, "starts_at": meeting.starts_at.isoformat()},
        due_at=due_at,
    )  # fmt: skip


def time_passes(delta):
    """Move every scheduled delivery `delta` closer to now, as the clock would."""
    for delivery in Delivery.objects.all():
        delivery.due_at -= delta
        delivery.save(update_fields=["due_at"])


def test_a_reminder_waits_for_its_time_then_the_sweeper_sends_it_once(
    meeting, django_capture_on_commit_callbacks
):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        remind(meeting, person, due_at=meeting.starts_at - timedelta(hours=2))
    sweep_deliveries()
    assert mail.outbox == []  # not enqueued at commit, not due yet

    time_passes(timedelta(hours=22, minutes=1))
    sweep_deliveries()
    sweep_deliveries()  # the next minute's sweep finds it sent
    assert [email.to for email in mail.outbox] == [[person.email]]
    assert mail.outbox[0].subject == "Reminder: Taller de currículum"


def test_a_reminder_sent_early_by_a_stray_message_is_not_sent(meeting):
    from apps.notifications.services import deliveries_send

    person = UserFactory()
    remind(meeting, person, due_at=timezone.now() + timedelta(hours=1))
    assert deliveries_send(list(Delivery.objects.values_list("pk", flat=True))) == 0
    assert Delivery.objects.get().status == "pending"


@pytest.mark.parametrize("change", ["cancel", "delete", "move"])
def test_a_reminder_about_a_cancelled_deleted_or_moved_meeting_is_dropped(meeting, change):
    remind(meeting, UserFactory(), due_at=timezone.now() + timedelta(hours=1))
    if change == "cancel":
        meeting.cancelled = True
        meeting.save()
    elif change == "delete":
        meeting.delete()
    else:
        meeting.starts_at += timedelta(days=2)
        meeting.save()

    time_passes(timedelta(hours=2))
    sweep_deliveries()
    assert mail.outbox == []
    assert Delivery.objects.get().status == "dropped"
