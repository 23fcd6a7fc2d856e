"""Mentoring sessions: the writes (proposing, confirming, moving, cancelling, noting what
was covered), their reminders through the shared delivery log, and their calendar entries.

Either person in an active match proposes a time; the other confirms it or proposes another
(a move: it becomes a proposal again, from the one who moved it). Reminders a day and an
hour before go to both once it is confirmed; their delivery key names the start time, so a
moved session's old reminders are dropped when they come due (their writer sees the start
has changed) and new ones are scheduled. Each change is one row lock on the session."""

import zoneinfo
from datetime import datetime, timedelta

import icalendar
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.accounts.models import User
from apps.core.calendar import calendar_entry, calendar_uid, calendar_with
from apps.core.emails import absolute_url
from apps.core.services import audit_record
from apps.mentorship.models import (
    FURTHEST_AHEAD,
    Match,
    MatchStatus,
    MeetingMode,
    MentoringSession,
    SessionStatus,
)
from apps.mentorship.services import MatchRefused, match_activity_touch
from apps.notifications.services import Outgoing, deliveries_queue

# Reminders before a confirmed session: (name in the delivery key, how long before).
DAY_BEFORE, HOUR_BEFORE = timedelta(days=1), timedelta(hours=1)
REMINDERS = (("day", DAY_BEFORE), ("hour", HOUR_BEFORE))


class SessionRefused(MatchRefused):
    """The session (or goal) cannot be set or changed now; `message` says why, translated."""


def time_refusal(starts_at: datetime, *, now: datetime | None = None):
    """Why a session cannot start then (past, or more than a year ahead), or None."""
    now = now or timezone.now()
    if starts_at <= now:
        return gettext_lazy("Choose a time that is still to come.")
    if starts_at > now + FURTHEST_AHEAD:
        return gettext_lazy("Choose a time within the next year.")
    return None


def other_side(match: Match, user: User) -> int:
    """The id of the other person in the match."""
    return match.mentor.user_id if user.pk == match.mentee_id else match.mentee_id


def _people(match: Match) -> tuple[int, int]:
    return match.mentee_id, match.mentor.user_id


def _check_member(match: Match, user: User) -> None:
    if not match.involves(user):
        raise PermissionDenied


def _check_active(match: Match) -> None:
    if match.status != MatchStatus.ACTIVE:
        raise SessionRefused(gettext_lazy("Sessions are planned while the match is active."))


def _touch(match: Match, now: datetime) -> None:
    """A session keeps the match from counting as quiet (matches_prompt_quiet)."""
    match_activity_touch(match_id=match.pk, when=now)
    match.last_activity_at = now


def session_propose(
    *,
    actor: User,
    match: Match,
    starts_at: datetime,
    minutes: int,
    mode: str,
    place: str = "",
    join_url: str = "",
) -> MentoringSession:
    """A new session proposed by one person in an active match; the other is told by email
    and confirms it or proposes another time."""
    _check_member(match, actor)
    with transaction.atomic():
        match = (
            Match.objects.select_for_update(of=("self",)).select_related("mentor").get(pk=match.pk)
        )
        _check_active(match)
        if refusal := time_refusal(starts_at):
            raise SessionRefused(refusal)
        now = timezone.now()
        session = MentoringSession.objects.create(
            match=match, proposed_by=actor, starts_at=starts_at, minutes=minutes, mode=mode,
            place=place, join_url=join_url, created_at=now,
        )  # fmt: skip
        _touch(match, now)
        _notify(session, to=other_side(match, actor), change="proposed")
        audit_record(actor=actor, subject=match, action="propose session")
    return session


def _locked(session: MentoringSession) -> MentoringSession:
    return (
        MentoringSession.objects.select_for_update(of=("self",))
        .select_related("match__mentor")
        .get(pk=session.pk)
    )


def session_confirm(*, actor: User, session: MentoringSession) -> MentoringSession:
    """The other person agrees to the proposed time: reminders are scheduled for both.
    Confirming twice changes nothing; the one who proposed cannot confirm their own time."""
    _check_member(session.match, actor)
    with transaction.atomic():
        session = _locked(session)
        if session.status == SessionStatus.CONFIRMED:
            return session
        _check_active(session.match)
        if session.status == SessionStatus.CANCELLED:
            raise SessionRefused(gettext_lazy("This session was cancelled."))
        if session.proposed_by_id == actor.pk:
            raise SessionRefused(gettext_lazy("The other person confirms the time you proposed."))
        if refusal := time_refusal(session.starts_at):
            raise SessionRefused(refusal)
        now = timezone.now()
        session.status, session.confirmed_at = SessionStatus.CONFIRMED, now
        session.save(update_fields=["status", "confirmed_at", "updated_at"])
        _touch(session.match, now)
        reminders_schedule(session=session)
        _notify(session, to=other_side(session.match, actor), change="confirmed")
        audit_record(actor=actor, subject=session.match, action="confirm session")
    return session


def session_move(
    *,
    actor: User,
    session: MentoringSession,
    starts_at: datetime,
    minutes: int,
    mode: str,
    place: str = "",
    join_url: str = "",
) -> MentoringSession:
    """Propose another time (or place) for a session: it is a proposal again, from the one
    who moved it, for the other to confirm. Its calendar entry's SEQUENCE rises; reminders
    already scheduled are dropped when they come due, and new ones come with the next
    confirmation."""
    _check_member(session.match, actor)
    with transaction.atomic():
        session = _locked(session)
        _check_active(session.match)
        if session.status == SessionStatus.CANCELLED:
            raise SessionRefused(gettext_lazy("This session was cancelled."))
        if refusal := time_refusal(starts_at):
            raise SessionRefused(refusal)
        now = timezone.now()
        session.starts_at, session.minutes, session.mode = starts_at, minutes, mode
        session.place, session.join_url = place, join_url
        session.status, session.confirmed_at = SessionStatus.PROPOSED, None
        session.proposed_by = actor
        session.sequence += 1
        session.save()
        _touch(session.match, now)
        _notify(session, to=other_side(session.match, actor), change="moved")
        audit_record(actor=actor, subject=session.match, action="move session")
    return session


def session_cancel(*, actor: User, session: MentoringSession) -> MentoringSession:
    """Either person calls a session off: the other is told, with the calendar entry marked
    CANCELLED, and no reminder goes out. Cancelling twice changes nothing."""
    _check_member(session.match, actor)
    with transaction.atomic():
        session = _locked(session)
        if session.status == SessionStatus.CANCELLED:
            return session
        if session.ends_at <= timezone.now():
            raise SessionRefused(gettext_lazy("This session is over."))
        session.status = SessionStatus.CANCELLED
        session.cancelled_at, session.cancelled_by = timezone.now(), actor
        session.sequence += 1
        session.save()
        _notify(session, to=other_side(session.match, actor), change="cancelled")
        audit_record(actor=actor, subject=session.match, action="cancel session")
    return session


def session_note(*, actor: User, session: MentoringSession, notes: str) -> MentoringSession:
    """What was covered, written after the session started by either person (the last one
    to write it keeps it); both see it."""
    _check_member(session.match, actor)
    with transaction.atomic():
        session = _locked(session)
        if session.status == SessionStatus.CANCELLED:
            raise SessionRefused(gettext_lazy("This session was cancelled."))
        if session.starts_at > timezone.now():
            raise SessionRefused(gettext_lazy("Notes can be written once the session has begun."))
        now = timezone.now()
        session.notes, session.notes_by, session.notes_at = notes, actor, now
        session.save(update_fields=["notes", "notes_by", "notes_at", "updated_at"])
        _touch(session.match, now)
    return session


def _notify(session: MentoringSession, *, to: int, change: str) -> None:
    """Tell the other person what changed (one email per change and version)."""
    deliveries_queue(
        [
            Outgoing(
                f"mentoring-session-{change}:{session.pk}:{session.sequence}:{to}",
                to, "mentoring_session_changed",
                {"session": session.pk, "change": change, "sequence": session.sequence, "to": to},
            )
        ]
    )  # fmt: skip


def reminders_schedule(*, session: MentoringSession) -> None:
    """The reminders a day and an hour before a confirmed session, to both people (those
    already due are left out). The key names the start time, so a moved session schedules
    new rows; the old ones are dropped when they come due."""
    now = timezone.now()
    starts = session.starts_at.isoformat()
    stamp = int(session.starts_at.timestamp())
    deliveries_queue(
        Outgoing(
            f"mentoring-session-reminder:{session.pk}:{user_id}:{name}:{stamp}", user_id,
            "mentoring_session_reminder",
            {"session": session.pk, "starts_at": starts, "which": name, "to": user_id},
            session.starts_at - before,
        )
        for user_id in _people(session.match)
        for name, before in REMINDERS
        if session.starts_at - before > now
    )  # fmt: skip


# Showing a session's time and place.


def zone_of(user: User | None) -> zoneinfo.ZoneInfo:
    """A person's own time zone (the site's when they have none)."""
    if user is not None and user.is_authenticated and user.time_zone:
        return zoneinfo.ZoneInfo(user.time_zone)
    return zoneinfo.ZoneInfo(timezone.get_default_timezone_name())


def session_span(session: MentoringSession, zone: zoneinfo.ZoneInfo) -> str:
    """ "Tuesday, December 10, 2026, 6:00 p.m.–7:00 p.m. CST" in a zone, in the current
    language."""
    start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
    first = f"{date_format(start, 'l')}, {date_format(start, 'DATE_FORMAT')}, {time_format(start)}"
    last = time_format(end) if end.date() == start.date() else date_format(end, "DATETIME_FORMAT")
    return f"{first}–{last} {end.tzname() or ''}".strip()


def where_text(session: MentoringSession) -> str:
    """How and where they meet, as one line: the way, then the place or the link."""
    parts = [str(MeetingMode(session.mode).label)]
    parts += [part for part in (session.place, session.join_url) if part]
    return " · ".join(parts)


def session_vevent(session: MentoringSession, *, now: datetime | None = None):
    """The session as a calendar entry for the two people (so with the place and link), in
    UTC (each person's calendar shows it in their own zone). A proposal not yet confirmed
    is TENTATIVE; a cancelled one CANCELLED."""
    match = session.match
    page = absolute_url(session_page(match))
    status = {
        SessionStatus.PROPOSED: "TENTATIVE",
        SessionStatus.CONFIRMED: "CONFIRMED",
        SessionStatus.CANCELLED: "CANCELLED",
    }[SessionStatus(session.status)]
    return calendar_entry(
        uid=calendar_uid("mentoring-session", session.pk),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        summary=_("Mentoring: %(mentor)s and %(mentee)s")
        % {"mentor": match.mentor.user.get_short_name(), "mentee": match.mentee.get_short_name()},
        description=page,
        location=where_text(session),
        url=page,
        updated_at=session.updated_at,
        sequence=session.sequence,
        status=status,
        now=now,
    )


def session_ics(session: MentoringSession) -> str:
    vevent: icalendar.Event = session_vevent(session)
    return calendar_with([vevent], name=_("Mentoring session")).decode()


def session_page(match: Match) -> str:
    from django.urls import reverse

    return reverse("mentorship:sessions", args=[match.pk])
