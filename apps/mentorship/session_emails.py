"""The emails of mentoring sessions (writers registered in apps.notifications.registry's
email_kinds): a session proposed, confirmed, moved or cancelled, to the other person; and the
reminders a day and an hour before, to both. Each batch is loaded in one query; times are
written in the recipient's own time zone and language, with the session's .ics attached."""

from collections.abc import Callable
from datetime import datetime

from django.utils import timezone

from apps.core.emails import page_url
from apps.mentorship.models import MentoringSession, SessionStatus
from apps.mentorship.sessions import (
    HOUR_BEFORE,
    other_side,
    session_ics,
    session_span,
    where_text,
    zone_of,
)
from apps.notifications.registry import Email

ICS_NAME = "mentoring-session.ics"


def _sessions(batch: list[dict]) -> dict[int, MentoringSession]:
    return MentoringSession.objects.select_related(
        "match__mentor__user", "match__mentee", "proposed_by"
    ).in_bulk([params["session"] for params in batch])


def _context(session: MentoringSession, recipient_id: int) -> dict:
    match = session.match
    people = {match.mentee_id: match.mentee, match.mentor.user_id: match.mentor.user}
    recipient = people.get(recipient_id)
    other = people.get(other_side(match, recipient)) if recipient else None
    return {
        "session": session,
        "other_name": other.get_short_name() if other else "",
        "when": lambda: session_span(session, zone_of(recipient)),
        "where": lambda: where_text(session),
        "sessions_url": page_url("mentorship:sessions", match.pk),
    }


def ics_of(session: MentoringSession) -> Callable[[], str]:
    """The session's .ics, written when the email is."""
    return lambda: session_ics(session)


def mentoring_session_changed(batch: list[dict]) -> list[Email | None]:
    """To the other person: a time proposed, confirmed, moved or cancelled. Dropped when the
    session changed again since (the later email says it)."""
    sessions = _sessions(batch)
    emails: list[Email | None] = []
    for params in batch:
        session = sessions.get(params["session"])
        if session is None or session.sequence != params["sequence"]:
            emails.append(None)
            continue
        change = params["change"]
        if change == "confirmed" and session.status != SessionStatus.CONFIRMED:
            emails.append(None)
            continue
        emails.append(
            Email(
                topic="mentoring_sessions",
                template=f"mentorship/email/session_{change}",
                context=_context(session, params["to"]),
                attachments=((ICS_NAME, ics_of(session), "text/calendar"),),
            )
        )
    return emails


def mentoring_session_reminder(batch: list[dict]) -> list[Email | None]:
    """A day and an hour before a confirmed session, to each of the two: when (in their own
    time zone), how and where, and the .ics. Dropped if the session was cancelled or moved
    since it was scheduled, or the match ended, or sent so late that the next one is due."""
    sessions = _sessions(batch)
    now = timezone.now()
    emails: list[Email | None] = []
    for params in batch:
        session = sessions.get(params["session"])
        current = (
            session is not None
            and session.status == SessionStatus.CONFIRMED
            and session.match.is_active
            and session.starts_at == datetime.fromisoformat(params["starts_at"])
            and session.starts_at > now
            and not (params["which"] == "day" and now >= session.starts_at - HOUR_BEFORE)
        )
        if not current or session is None:
            emails.append(None)
            continue
        emails.append(
            Email(
                topic="mentoring_reminders",
                template=f"mentorship/email/session_reminder_{params['which']}",
                context=_context(session, params["to"]),
                attachments=((ICS_NAME, ics_of(session), "text/calendar"),),
            )
        )
    return emails
