"""Events' writes. Submission, review and publication go through the shared workflow
(apps.core.services); what is an event's own is here: saving it with its questions, making a
series, cancelling and moving a published event, and keeping its seats on the search entry.

Other parts of Camino follow changes to events through `on_event_changed`: each function
registered there is called inside the transaction that cancels or moves an event, as

    hook(event=<Event, already changed>, change="cancelled" | "moved",
         previous_starts_at=<datetime>, entry=<AuditEntry>)

so that what it writes (emails to the people registered, moved reminders) commits or rolls
back with the change. Register in an AppConfig.ready(), with a key:
`on_event_changed.register("registrations", notify_registrants)`."""

import zoneinfo
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.core.indexing import search_index
from apps.core.models import AuditEntry, PublicationStatus
from apps.core.pagecache import pages_changed
from apps.core.registry import Registry
from apps.core.roles import Person
from apps.core.services import (
    SYSTEM,
    InvalidTransition,
    audit_record,
    may_act_for,
    publication_transition,
    publishable_save,
)
from apps.events.models import EARLIEST, LATEST, Event, EventQuestion, EventSearchEntry, EventSeries

on_event_changed: Registry[Callable[..., None]] = Registry("event changes")

CANCELLED, MOVED = "cancelled", "moved"


def event_save(
    *,
    actor: Person,
    event: Event,
    questions: Iterable[EventQuestion] = (),
    removed_questions: Iterable[EventQuestion] = (),
) -> Event:
    """Write a new draft or save edits (who may: apps.core.services.publishable_save), with
    the organizer's questions. It is listed until the day it ends, where it happens."""
    with transaction.atomic():
        event.expires_on = event.last_day
        publishable_save(actor=actor, item=event)
        for question in removed_questions:
            if question.pk and question.event_id == event.pk:
                question.delete()
        for position, question in enumerate(questions):
            question.event = event
            question.position = position
            question.save()
        # The seats left follow the capacity (registrations import this module).
        from apps.events.registrations import seats_recount

        seats_recount(event=event)
    return event


def _shifted(moment: datetime | None, zone: zoneinfo.ZoneInfo, weeks: int) -> datetime | None:
    """The same wall-clock time `weeks` later where the event happens (across a change of
    daylight saving time, 6 p.m. stays 6 p.m.)."""
    if moment is None:
        return None
    local = moment.astimezone(zone)
    return (local.replace(tzinfo=None) + timedelta(weeks=weeks)).replace(tzinfo=zone)


def event_series_create(*, actor: Person, event: Event, every_weeks: int, occurrences: int):
    """Repeat a draft event: the next occurrences are made from it as drafts of their own, at
    the same time of day every week or every other week, with its questions. Sending the
    first for review, and the review of it, apply to all (series_follow)."""
    if not may_act_for(actor, event):
        raise PermissionDenied
    series = EventSeries(every_weeks=every_weeks, occurrences=occurrences)
    series.full_clean()
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.series_id is not None or locked.status != PublicationStatus.DRAFT:
            raise InvalidTransition("only a draft that is not in a series yet can be repeated")
        series.save()
        Event.objects.filter(pk=event.pk).update(series=series)
        event.series = series
        questions = list(event.questions.all())
        zone = event.zone
        for number in range(1, occurrences):
            weeks = number * every_weeks
            copy = Event.objects.get(pk=event.pk)
            copy.pk = None
            copy.id = None
            copy.created_by = None
            copy.external_id = ""  # a copy is not the item the import matches
            copy.created_at = timezone.now()
            for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
                setattr(copy, name, _shifted(getattr(event, name), zone, weeks))
            if copy.ends_at >= LATEST:
                raise ValidationError(_("The series would go past the last date we accept."))
            copy.seats_left = copy.capacity
            event_save(actor=actor, event=copy, questions=[_copy(q) for q in questions])
        audit_record(actor=actor, subject=event, action="repeat", note=str(series))
    return series


def _copy(question: EventQuestion) -> EventQuestion:
    copy = EventQuestion.objects.get(pk=question.pk)
    copy.pk = None
    return copy


def series_follow(*, item, transition, entry: AuditEntry) -> None:
    """The after_transition hook: what a person does to the first event of a series (send
    it for review, publish, reject, take down, archive) is done to the occurrences still to
    come that are where the first one was."""
    if not isinstance(item, Event) or item.series_id is None or transition.who == SYSTEM:
        return
    occurrences = Event.objects.filter(series_id=item.series_id).order_by("starts_at", "pk")
    first = occurrences.values_list("pk", flat=True).first()
    if first != item.pk:
        return
    actor = User.objects.get(pk=entry.actor_id) if entry.actor_id else None
    followers = occurrences.exclude(pk=item.pk).filter(
        status__in=transition.sources, starts_at__gt=timezone.now(), cancelled_at=None
    )
    for follower in followers:
        publication_transition(
            actor=actor, item=follower, action=transition.action, note=entry.note
        )


def _check_may_change(actor: Person, event: Event) -> None:
    """Cancelling or moving is for the organization and for curators, on a published event
    that has not ended and is not cancelled."""
    if not may_act_for(actor, event):
        raise PermissionDenied
    if event.status != PublicationStatus.PUBLISHED:
        raise InvalidTransition("only a published event is cancelled or moved")
    if event.cancelled_at is not None:
        raise InvalidTransition("the event is cancelled already")
    if event.ends_at <= timezone.now():
        raise InvalidTransition("the event is over")


def _changed(event: Event, change: str, previous_starts_at: datetime, entry: AuditEntry) -> None:
    for hook in on_event_changed:
        hook(event=event, change=change, previous_starts_at=previous_starts_at, entry=entry)


def event_cancel(*, actor: Person, event: Event, note: str = "") -> AuditEntry:
    """Call off a published event. It stays at its address, marked cancelled, and leaves
    the list; calendars that follow it see STATUS:CANCELLED (a higher SEQUENCE); the people
    registered are told (on_event_changed)."""
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        _check_may_change(actor, locked)
        locked.cancelled_at = timezone.now()
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "sequence", "updated_at"])
        search_index(locked)
        entry = audit_record(actor=actor, subject=locked, action="cancel", note=note)
        _changed(locked, CANCELLED, locked.starts_at, entry)
    event.cancelled_at, event.sequence = locked.cancelled_at, locked.sequence
    return entry


def event_move(
    *, actor: Person, event: Event, starts_at: datetime, ends_at: datetime, note: str = ""
) -> AuditEntry:
    """Give a published event a new time. Its registration window moves with it when it
    would otherwise close after the new end; calendars that follow it update (SEQUENCE);
    the people registered are told (on_event_changed)."""
    if not EARLIEST <= starts_at < ends_at < LATEST:
        raise ValidationError(_("The end must be after the start."))
    if starts_at <= timezone.now():
        raise ValidationError(_("The new start must be in the future."))
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        _check_may_change(actor, locked)
        previous = locked.starts_at
        locked.starts_at, locked.ends_at = starts_at, ends_at
        locked.sequence += 1
        if locked.registration_closes_at and locked.registration_closes_at > ends_at:
            locked.registration_closes_at = starts_at
        if locked.registration_opens_at and locked.registration_closes_at:
            locked.registration_opens_at = min(
                locked.registration_opens_at, locked.registration_closes_at - timedelta(minutes=1)
            )
        locked.expires_on = locked.last_day
        locked.save(
            update_fields=[
                "starts_at", "ends_at", "sequence", "registration_opens_at",
                "registration_closes_at", "expires_on", "updated_at",
            ]
        )  # fmt: skip
        search_index(locked)
        before, after = (
            timezone.localtime(moment, locked.zone).strftime("%Y-%m-%d %H:%M")
            for moment in (previous, starts_at)
        )
        moved = f"{before} → {after}"
        entry = audit_record(
            actor=actor, subject=locked, action="move", note=f"{moved}\n{note}" if note else moved
        )
        _changed(locked, MOVED, previous, entry)
    for name in ("starts_at", "ends_at", "sequence", "registration_opens_at",
                 "registration_closes_at", "expires_on"):  # fmt: skip
        setattr(event, name, getattr(locked, name))
    return entry


def event_seats_set(*, event_id: int, seats_left: int | None) -> None:
    """Record how many seats are still free (None: no limit), on the event and on its search
    entry (the "has seats" filter). For the registration services, inside their
    transaction."""
    Event.objects.filter(pk=event_id).update(seats_left=seats_left)
    if EventSearchEntry.objects.filter(pk=event_id).update(seats_left=seats_left):
        pages_changed(Event)
