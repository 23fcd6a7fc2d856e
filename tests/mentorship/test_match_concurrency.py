"""On PostgreSQL, with people acting at the same moment: a mentor never has more active
mentees than their capacity, and a pair never has two open requests."""

import pytest
from django.db import connection

from apps.mentorship import services
from apps.mentorship.models import Match, MentorProfile
from apps.mentorship.services import MatchRefused
from tests.accounts.factories import UserFactory
from tests.events.test_registrations import concurrently
from tests.mentorship.helpers import listed_mentor

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def active_count(mentor) -> int:
    return Match.objects.filter(mentor=mentor, status="active").count()


def test_thirty_requests_and_accepts_at_once_fill_exactly_the_capacity():
    assert connection.vendor == "postgresql"
    mentor = listed_mentor(capacity=3)
    seekers = UserFactory.create_batch(30)

    # Thirty people ask at once (each twice: a double tap): one open request each.
    results = concurrently(
        [lambda s=s: services.match_request(user=s, mentor=mentor, goal="Ayuda")
         for s in seekers * 2]
    )  # fmt: skip
    refused = [r for r in results if isinstance(r, MatchRefused)]
    assert [r for r in results if isinstance(r, Exception) and r not in refused] == []
    assert len(refused) == 30
    requests = list(Match.objects.filter(mentor=mentor))
    assert len(requests) == 30 and {m.status for m in requests} == {"requested"}

    # The mentor accepts them all at once (from two tabs): three start, the rest are refused
    # with a message, never an error.
    results = concurrently(
        [lambda m=m: services.match_accept(user=mentor.user, match=m) for m in requests * 2]
    )
    errors = [r for r in results if isinstance(r, Exception) and not isinstance(r, MatchRefused)]
    assert errors == []
    assert active_count(mentor) == 3
    assert MentorProfile.objects.get(pk=mentor.pk).active_mentees == 3


def test_completions_cancellations_and_accepts_at_once_keep_the_count_true():
    mentor = listed_mentor(capacity=5)
    matches = []
    for seeker in UserFactory.create_batch(15):
        matches.append(services.match_request(user=seeker, mentor=mentor, goal="Ayuda"))
    started = [services.match_accept(user=mentor.user, match=m) for m in matches[:5]]
    waiting = matches[5:]

    calls = [lambda m=m: services.match_complete(user=m.mentee, match=m) for m in started[:3]]
    calls += [lambda m=m: services.match_cancel(user=mentor.user, match=m, reason="Viaje")
              for m in started[3:]]  # fmt: skip
    calls += [lambda m=m: services.match_accept(user=mentor.user, match=m) for m in waiting]
    results = concurrently(calls)

    errors = [r for r in results if isinstance(r, Exception) and not isinstance(r, MatchRefused)]
    assert errors == []
    # An accept that came before a seat was freed is refused; one after takes it.
    accepted = [r for r in results[5:] if isinstance(r, Match) and r.status == "active"]
    active = active_count(mentor)
    assert active == len(accepted) <= 5
    assert MentorProfile.objects.get(pk=mentor.pk).active_mentees == active
    assert Match.objects.filter(status__in=("completed", "cancelled")).count() == 5
