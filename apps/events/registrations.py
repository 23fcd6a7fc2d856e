"""Registering for events: the writes (services) of registrations, seats, the waiting list,
offers, check-in, organizers' messages, reminders and the personal calendar feed. Kept apart
from apps.events.services (the event's own writes), which it follows through
`on_event_changed` (registrations_follow_change).

Every write that gives or frees a seat locks the event's row first (select_for_update):
registrations, cancellations, confirmations and expiring offers of one event happen one at a
time, so its seats are never given twice and Event.seats_left always equals its capacity
minus the seats held (registered, offered, attended)."""

import secrets
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.core.services import audit_record
from apps.events.models import (
    ACTIVE,
    CHECK_IN_ALPHABET,
    CHECK_IN_CODE_LENGTH,
    HOLDS_A_SEAT,
    STILL_TO_COME,
    CalendarFeed,
    Event,
    EventMessage,
    Registration,
    RegistrationStatus,
)
from apps.events.services import event_seats_set
from apps.notifications.services import (
    Outgoing,
    OutgoingEach,
    deliveries_queue,
    deliveries_queue_each,
    key_of,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

S = RegistrationStatus

# How long a person has to confirm a seat offered to them, and never more than half the time
# left before the event (an offer the day before gives a few hours).
OFFER_TIME = timedelta(hours=24)
# Reminders before the event: (name in the delivery key, how long before).
WEEK_BEFORE, DAY_BEFORE = timedelta(days=7), timedelta(days=1)
REMINDERS = (("week", WEEK_BEFORE), ("day", DAY_BEFORE))


class RegistrationRefused(Exception):
    """The event does not take registrations now; `message` says why, translated."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def registration_refusal(event: Event, *, now=None) -> "StrPromise | None":
    """Why a person cannot register for this event now, or None."""
    now = now or timezone.now()
    if event.cancelled_at is not None:
        return _("This event was cancelled.")
    if event.starts_at <= now:
        return _("This event has already started or is over.")
    if not event.is_public:
        return _("This event is not open for registration.")
    if event.registration_opens_at and now < event.registration_opens_at:
        return _("Registration has not opened yet.")
    if event.registration_closes_at and now >= event.registration_closes_at:
        return _("Registration is closed.")
    return None


def _locked(event_id: int) -> Event:
    return Event.objects.select_for_update(of=("self",)).get(pk=event_id)


def _new_code(event_id: int) -> str:
    """A check-in code no one else has for this event (a collision, one in millions, is
    drawn again)."""
    while True:
        code = "".join(secrets.choice(CHECK_IN_ALPHABET) for _ in range(CHECK_IN_CODE_LENGTH))
        if not Registration.objects.filter(event_id=event_id, code=code).exists():
            return code


def _seats_change(event: Event, delta: int) -> None:
    """One seat taken (-1) or given back (+1). The caller holds the event's lock."""
    if event.capacity is not None:
        event.seats_left = (event.seats_left or 0) + delta
        event_seats_set(event_id=event.pk, seats_left=event.seats_left)


def registration_create(
    *,
    user: User,
    event: Event,
    answers: dict | None = None,
    share_name: bool = True,
    share_email: bool = False,
) -> Registration:
    """Register a signed-in person: a seat if one is free, else the end of the waiting list.
    Registering again while registered or waiting changes nothing. Raises RegistrationRefused
    for an event that does not take registrations now."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        event = _locked(event.pk)
        refusal = registration_refusal(event)
        if refusal:
            raise RegistrationRefused(refusal)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.is_active:
            return registration
        registration = registration or Registration(event=event, user=user)
        now = timezone.now()
        has_seat = event.capacity is None or (event.seats_left or 0) > 0
        registration.status = (
            RegistrationStatus.REGISTERED if has_seat else RegistrationStatus.WAITING
        )
        registration.position = None if has_seat else _next_position(event)
        registration.answers = answers or {}
        registration.share_name, registration.share_email = share_name, share_email
        registration.code = registration.code or _new_code(event.pk)
        registration.created_at, registration.cancelled_at = now, None
        registration.offer_expires_at = registration.checked_in_at = None
        registration.save()
        if has_seat:
            _seats_change(event, -1)
            reminders_schedule(event=event, registration_ids=[registration.pk])
        audit_record(actor=user, subject=event, action="register", note=registration.status)
    return registration


def _next_position(event: Event) -> int:
    last = Registration.objects.filter(event=event).aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


def registration_cancel(*, user: User, registration: Registration) -> Registration:
    """The person gives up their seat, offer or place in line. A seat freed goes to the first
    person waiting, as an offer they must confirm in time."""
    if registration.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        event = _locked(registration.event_id)
        registration.refresh_from_db()
        if registration.status not in STILL_TO_COME:
            return registration
        freed = registration.holds_a_seat
        _cancel(registration)
        if freed:
            _seat_freed(event)
        audit_record(actor=user, subject=event, action="cancel registration")
    return registration


def _cancel(registration: Registration) -> None:
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.position = None
    registration.save(update_fields=["status", "cancelled_at", "position"])


def offer_deadline(event: Event, now) -> datetime:
    return now + min(OFFER_TIME, (event.starts_at - now) / 2)


def _seat_freed(event: Event) -> None:
    """Offer the freed seat to the first person waiting, or give it back to the event. The
    caller holds the event's lock."""
    if not _offer_to_next(event):
        _seats_change(event, +1)


def _offer_to_next(event: Event) -> bool:
    """Offer a seat to the first person waiting, if anyone waits and the event is still to
    come; whether an offer was made. The caller holds the event's lock."""
    now = timezone.now()
    if event.starts_at <= now or event.cancelled_at is not None:
        return False
    first = (
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
        .order_by("position")
        .first()
    )
    if first is None:
        return False
    first.status = RegistrationStatus.OFFERED
    first.offer_expires_at = offer_deadline(event, now)
    first.save(update_fields=["status", "offer_expires_at"])
    if first.user_id is not None:
        deliveries_queue(
            [Outgoing(f"event-offer:{first.pk}:{first.offer_expires_at.isoformat()}",
                      first.user_id, "event_offer", {"registration": first.pk})]
        )  # fmt: skip
    return True


def seats_recount(*, event: Event) -> None:
    """After the organizer sets an event's capacity (apps.events.services.event_save): the
    seats left are the capacity minus the seats held (never below none: nobody loses a seat),
    and seats a larger capacity frees are offered to the people waiting, first come first."""
    with transaction.atomic():
        locked = _locked(event.pk)
        if locked.capacity is None:
            locked.seats_left = None
            while _offer_to_next(locked):
                pass  # no limit: everyone waiting is offered a seat
        else:
            held = Registration.objects.filter(event=locked, status__in=HOLDS_A_SEAT).count()
            locked.seats_left = max(locked.capacity - held, 0)
            while locked.seats_left and _offer_to_next(locked):
                locked.seats_left -= 1
        event_seats_set(event_id=locked.pk, seats_left=locked.seats_left)
    event.seats_left = locked.seats_left


class OfferGone(Exception):
    """The offer expired or was withdrawn before the person confirmed it."""


def offer_confirm(*, user: User, registration: Registration) -> Registration:
    """The person takes the seat offered to them, before the offer ends."""
    if registration.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        event = _locked(registration.event_id)
        registration.refresh_from_db()
        if registration.status == RegistrationStatus.REGISTERED:
            return registration  # confirmed twice (a double tap)
        now = timezone.now()
        if registration.status != RegistrationStatus.OFFERED or (
            registration.offer_expires_at is not None and registration.offer_expires_at <= now
        ):
            raise OfferGone
        registration.status = RegistrationStatus.REGISTERED
        registration.position = registration.offer_expires_at = None
        registration.save(update_fields=["status", "position", "offer_expires_at"])
        reminders_schedule(event=event, registration_ids=[registration.pk])
        audit_record(actor=user, subject=event, action="confirm seat")
    return registration


def offers_expire(*, now=None) -> int:
    """Periodic: each offer not confirmed in time is withdrawn and the seat is offered to the
    next person waiting. Returns how many offers ended."""
    now = now or timezone.now()
    expired = Registration.objects.filter(
        status=RegistrationStatus.OFFERED, offer_expires_at__lte=now
    ).values_list("pk", "event_id")
    count = 0
    for pk, event_id in list(expired):
        with transaction.atomic():
            event = _locked(event_id)
            registration = Registration.objects.filter(pk=pk).first()
            if registration is None or registration.status != RegistrationStatus.OFFERED:
                continue  # confirmed, cancelled or its account deleted meanwhile
            _cancel(registration)
            _seat_freed(event)
            count += 1
    return count


def may_manage_registrations(user, event: Event) -> bool:
    """Staff and the members of the organizing organization."""
    return Event.objects.managed_by(user).filter(pk=event.pk).exists()


class UnknownCode(Exception):
    """No registration of this event has that check-in code."""


def registration_check_in(
    *, actor: User, event: Event, registration_id: int | None = None, code: str = ""
) -> Registration:
    """Mark a person as arrived, by their row in the list or by the code they show. Checking
    in twice changes nothing."""
    if not may_manage_registrations(actor, event):
        raise PermissionDenied
    with transaction.atomic():
        _locked(event.pk)
        found = Registration.objects.select_for_update().filter(
            event=event, status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.ATTENDED)
        )
        if registration_id is not None:
            registration = found.filter(pk=registration_id).first()
        else:
            registration = found.filter(code=code.strip().upper()).first()
        if registration is None:
            raise UnknownCode
        if registration.status == RegistrationStatus.REGISTERED:
            registration.status = RegistrationStatus.ATTENDED
            registration.checked_in_at = timezone.now()
            registration.save(update_fields=["status", "checked_in_at"])
            audit_record(actor=actor, subject=event, action="check in")
    return registration


def event_message_send(*, actor: User, event: Event, subject: str, body: str) -> int:
    """Email what the organizer wrote to everyone registered (as text). Returns how many."""
    if not may_manage_registrations(actor, event):
        raise PermissionDenied
    with transaction.atomic():
        message = EventMessage.objects.create(event=event, sender=actor, subject=subject, body=body)
        people = Registration.objects.filter(event=event, status__in=HOLDS_A_SEAT)
        count = deliveries_queue_each(
            OutgoingEach(
                rows=people.exclude(user=None),
                key=key_of(f"event-message:{message.pk}:", F("user_id")),
                recipient="user_id",
                kind="event_message",
                params={"message": message.pk},
            )
        )
        audit_record(actor=actor, subject=event, action="message registered", note=subject)
    return count


def reminders_schedule(*, event: Event, registration_ids=None) -> None:
    """Schedule the reminders a week and a day before the event for these registrations (all
    the event's seats when None), in one query however many people are registered. The key
    names the start time: when the event moves, the new reminders are new rows and the old
    ones are dropped when they come due (their writer sees the start has changed)."""
    now = timezone.now()
    due = [(name, event.starts_at - before) for name, before in REMINDERS
           if event.starts_at - before > now]  # fmt: skip
    if not due:
        return
    rows = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    if registration_ids is not None:
        rows = rows.filter(pk__in=registration_ids)
    stamp = int(event.starts_at.timestamp())
    deliveries_queue_each(*(
        OutgoingEach(
            rows=rows.exclude(user=None),
            key=key_of("event-reminder:", F("pk"), f":{name}:{stamp}"),
            recipient="user_id",
            kind="event_reminder",
            params={"registration": F("pk"), "starts_at": event.starts_at.isoformat(),
                    "which": name},
            due_at=due_at,
        )
        for name, due_at in due
    ))  # fmt: skip


def registrations_follow_change(*, event: Event, change: str, **_details) -> None:
    """The on_event_changed hook (apps.events.services): when an event is cancelled or moved,
    tell everyone registered, offered or waiting, in their language, and move the reminders
    of a moved event (those of a cancelled one are dropped when they come due). A fixed
    number of queries however many people."""
    rows = Registration.objects.filter(event=event, status__in=ACTIVE).exclude(user=None)
    deliveries_queue_each(
        OutgoingEach(
            rows=rows,
            key=key_of(f"event-{change}:", F("pk"), f":{event.sequence}"),
            recipient="user_id",
            kind="event_changed",
            params={"registration": F("pk"), "change": change, "sequence": event.sequence},
        )
    )
    if change == "moved":
        reminders_schedule(event=event)


def attendance_lists_erase(*, now=None) -> int:
    """Periodic: the list of who came to an event is erased EVENT_ATTENDANCE_RETENTION_DAYS
    after it ended; its rows stay, without the person, as counts. Returns how many rows."""
    now = now or timezone.now()
    ended_before = now - timedelta(days=settings.EVENT_ATTENDANCE_RETENTION_DAYS)
    return (
        Registration.objects.filter(event__ends_at__lt=ended_before)
        .exclude(user=None)
        .update(user=None, answers={}, share_name=False, share_email=False, code="")
    )


def calendar_feed_of(user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(
        user=user, defaults={"token": secrets.token_urlsafe(32)}
    )
    return feed


def calendar_feed_reset(*, user: User) -> CalendarFeed:
    """A new secret address: calendars subscribed to the old one stop receiving updates."""
    feed = calendar_feed_of(user)
    feed.token = secrets.token_urlsafe(32)
    feed.created_at = timezone.now()
    feed.save(update_fields=["token", "created_at"])
    return feed
