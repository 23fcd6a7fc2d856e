"""The writes of a seeker's plan (PlanStep): adding, changing, checking off, moving and
deleting steps, and the reminder before a step's target date.

A plan is a person's own working notes, like a match's tasks or a saved job: only its owner
reads or changes it, and its writes leave no audit entry (nobody must answer for them
later). A step with a target date gets a reminder through the shared delivery log
(apps.notifications): a row due CERTIFICATIONS_PLAN_REMINDER_DAYS before the date, whose
writer (apps.certifications.plan_emails) drops it if the step was done, deleted or moved to
another date by then."""

import zoneinfo
from datetime import date, datetime, time, timedelta
from typing import cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import MAX_PLAN_STEPS, Credential, PlanStep, Training
from apps.notifications.models import Delivery
from apps.notifications.services import reminder_schedule

# The hour of the day, in the person's own time zone, a reminder is sent.
REMINDER_HOUR = time(9)
# The fields a person writes on a step.
EDITABLE = ("title", "target_date", "notes")


class PlanRefused(Exception):
    """The plan cannot take this change; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class AlreadyInPlan(Exception):
    """The credential or training is in the person's plan already, as `step`."""

    def __init__(self, step: PlanStep):
        super().__init__(step.title)
        self.step = step


def _owner(user) -> None:
    if not user.is_authenticated:
        raise PermissionDenied


def _lock_plan(user) -> None:
    """One write at a time per plan: a double click cannot add a step twice past the limit
    or give two steps the same position."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _next_position(user) -> int:
    last = PlanStep.objects.filter(user=user).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _refuse_when_full(user) -> None:
    if PlanStep.objects.filter(user=user).count() >= MAX_PLAN_STEPS:
        raise PlanRefused(
            _(
                "Your plan already has %(count)s steps, as many as a plan can hold. Delete "
                "the steps you no longer need to add new ones."
            )
            % {"count": MAX_PLAN_STEPS}
        )


def plan_step_add(
    *,
    user,
    title: str,
    target_date: date | None = None,
    notes: str = "",
    credential: Credential | None = None,
    training: Training | None = None,
) -> PlanStep:
    """Add a step at the end of the person's steps still to do. A target date in the past
    is taken (people write down what they are late on) and shown as overdue; only a date
    still to come gets a reminder. Raises PlanRefused when the plan is full."""
    _owner(user)
    with transaction.atomic():
        _lock_plan(user)
        _refuse_when_full(user)
        step = PlanStep.objects.create(
            user=user, title=title, target_date=target_date, notes=notes,
            credential=credential, training=training, position=_next_position(user),
        )  # fmt: skip
        _remind(step)
    return step


def plan_step_add_for(*, user, item: Credential | Training) -> PlanStep:
    """ "Get <credential>" or "Enrol in <training>", linked to it, in the language of the
    page it was added from. Once: raises AlreadyInPlan with the step it has already."""
    _owner(user)
    credential = item if isinstance(item, Credential) else None
    training = item if isinstance(item, Training) else None
    with transaction.atomic():
        _lock_plan(user)
        known = (
            PlanStep.objects.filter(user=user, credential=credential, training=training)
            .order_by("pk")
            .first()
        )
        if known is not None:
            raise AlreadyInPlan(known)
        if credential is not None:
            title = gettext("Get %(name)s") % {"name": credential.name}
        else:
            title = gettext("Enrol in %(title)s") % {"title": cast(Training, training).title}
        return plan_step_add(user=user, title=title[:200], credential=credential,
                             training=training)  # fmt: skip


def plan_step_update(*, user, step: PlanStep, title: str, target_date, notes: str) -> PlanStep:
    """Change what a step says. A new target date queues a new reminder; the one for the
    old date is dropped when it comes due."""
    _owner(user)
    if step.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        step = PlanStep.objects.select_for_update().get(pk=step.pk)
        step.title, step.target_date, step.notes = title, target_date, notes
        step.save(update_fields=list(EDITABLE))
        _remind(step)
    return step


def plan_step_check(*, user, step: PlanStep, done: bool) -> PlanStep:
    """Mark a step done, or not done again (then it goes back to the end of the steps
    still to do). Doing it twice changes nothing."""
    _owner(user)
    if step.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        _lock_plan(user)
        step = PlanStep.objects.select_for_update().get(pk=step.pk)
        if step.done == done:
            return step
        step.done, step.done_at = done, timezone.now() if done else None
        fields = ["done", "done_at"]
        if not done:
            step.position, fields = _next_position(user), [*fields, "position"]
        step.save(update_fields=fields)
        if not done:
            _remind(step)
    return step


def plan_step_move(*, user, step: PlanStep, up: bool) -> None:
    """Swap a step with the one before (up) or after it among the steps of the same kind
    (still to do, or done). The first step moved up, or the last down, stays."""
    _owner(user)
    if step.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        _lock_plan(user)
        steps = list(
            PlanStep.objects.filter(user=user, done=step.done)
            .order_by("position", "pk")
            .only("pk", "position")
        )  # at most MAX_PLAN_STEPS
        index = next(i for i, other in enumerate(steps) if other.pk == step.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(steps):
            return
        steps[index], steps[other] = steps[other], steps[index]
        # Numbered again from 0: positions stay distinct whatever happened before.
        changed = []
        for position, row in enumerate(steps):
            if row.position != position:
                row.position = position
                changed.append(row)
        PlanStep.objects.bulk_update(changed, ["position"])


def plan_step_delete(*, user, step: PlanStep) -> None:
    """Delete a step; its reminder, if any, is dropped when it comes due."""
    _owner(user)
    if step.user_id != user.pk:
        raise PermissionDenied
    PlanStep.objects.filter(pk=step.pk, user=user).delete()


# Reminders --------------------------------------------------------------------------------


def reminder_days() -> int:
    return settings.CERTIFICATIONS_PLAN_REMINDER_DAYS


def reminder_key(step: PlanStep, target: date) -> str:
    return f"plan-reminder:{step.pk}:{target.isoformat()}"


def reminder_due(step: PlanStep, *, now: datetime | None = None) -> datetime | None:
    """When the reminder of a step's target date is sent: REMINDER_HOUR in the person's time
    zone, CERTIFICATIONS_PLAN_REMINDER_DAYS before the date; now when that has passed but
    the date has not; None for a step done, without a date or with a date gone by."""
    if step.done or step.target_date is None:
        return None
    now = now or timezone.now()
    zone = zoneinfo.ZoneInfo(step.user.time_zone or settings.TIME_ZONE)
    if step.target_date < now.astimezone(zone).date():
        return None
    due = datetime.combine(step.target_date - timedelta(days=reminder_days()), REMINDER_HOUR,
                           tzinfo=zone)  # fmt: skip
    return max(due, now)


def _remind(step: PlanStep) -> None:
    """Queue the reminder of the step's target date (a key already queued is the same
    reminder: nothing more). One dropped earlier, because the step was done or its date
    moved away and back, waits to be sent again: the writer checks the step then."""
    due, target = reminder_due(step), step.target_date
    if due is None or target is None:
        return
    key = reminder_key(step, target)
    reminder_schedule(
        key=key, recipient_id=step.user_id, kind="plan_reminder",
        params={"step": step.pk, "target_date": target.isoformat()}, due_at=due,
    )  # fmt: skip
    Delivery.objects.filter(key=key, status=Delivery.Status.DROPPED).update(
        status=Delivery.Status.PENDING, due_at=due, attempts=0
    )
    step.reminded_for = step.target_date
    PlanStep.objects.filter(pk=step.pk).update(reminded_for=step.target_date)
