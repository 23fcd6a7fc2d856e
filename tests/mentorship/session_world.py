"""Mentors and active matches for the tests of sessions, goals and the dashboard, made
directly with the ORM (as a match's services would leave them)."""

from datetime import timedelta

from django.utils import timezone

from apps.core.models import PublicationStatus
from apps.mentorship.models import (
    Match,
    MatchStatus,
    MentoringSession,
    MentorProfile,
    SessionStatus,
)
from apps.mentorship.sessions import reminders_schedule
from tests.accounts.factories import UserFactory


def mentor(user=None, *, capacity: int = 10, **fields) -> MentorProfile:
    """An approved, listed mentor."""
    now = timezone.now()
    return MentorProfile.objects.create(
        user=user or UserFactory(), headline="Electricista", hours_per_month=8,
        capacity=capacity, conduct_agreed_at=now, status=PublicationStatus.PUBLISHED,
        published_at=now, languages=["es", "en"], meeting_modes=["online"], **fields,
    )  # fmt: skip


def match_of(profile: MentorProfile, mentee=None, *, status=MatchStatus.ACTIVE, **fields):
    """A match in a status; an active one counts in the mentor's active mentees."""
    now = timezone.now()
    active = status == MatchStatus.ACTIVE
    match = Match.objects.create(
        mentor=profile, mentee=mentee or UserFactory(), status=status,
        goal="Sacar mi licencia", answered_at=now if active else None,
        started_at=now if active else None, **fields,
    )  # fmt: skip
    if active:
        profile.active_mentees += 1
        MentorProfile.objects.filter(pk=profile.pk).update(active_mentees=profile.active_mentees)
    return match


def active_match(mentee=None, mentor_user=None) -> Match:
    return match_of(mentor(mentor_user), mentee)


def confirmed_session(match: Match, *, in_hours: float = 48, minutes: int = 60):
    """A confirmed session `in_hours` from now, with its reminders scheduled."""
    session = MentoringSession.objects.create(
        match=match, proposed_by=match.mentor.user, status=SessionStatus.CONFIRMED,
        starts_at=timezone.now() + timedelta(hours=in_hours), minutes=minutes,
        mode="online", join_url="https://meet.example.org/luis", confirmed_at=timezone.now(),
    )  # fmt: skip
    reminders_schedule(session=session)
    return session


def soon(**delta) -> str:
    """A time from now as a datetime-local field writes it, in Chicago (the factories' and
    the site's zone)."""
    from zoneinfo import ZoneInfo

    moment = timezone.now().astimezone(ZoneInfo("America/Chicago")) + timedelta(**delta)
    return moment.strftime("%Y-%m-%dT%H:%M")
