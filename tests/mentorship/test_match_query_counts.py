"""The match pages run a fixed number of SQL queries however many messages, matches,
reports and feedback there are (the shared assert_query_count fixture)."""

import pytest

from apps.mentorship import services
from apps.mentorship.models import Match, MatchFeedback, MatchMessage, MatchReport
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.helpers import listed_mentor

pytestmark = pytest.mark.django_db

# (who, page, SQL queries). {match} is an active match with a thread.
PAGES = [
    ("mentee", "/es/mentoring/matches/{match}/", 7),
    ("mentor", "/es/mentoring/matches/{match}/", 7),
    ("curator", "/es/mentoring/matches/{match}/", 9),  # reported: staff read it, audited
    ("seeker", "/es/mentoring/{mentor}/request/", 5),
    ("curator", "/es/mentoring/reports/", 6),
    ("curator", "/es/mentoring/reports/{report}/", 5),
    ("curator", "/es/mentoring/feedback/", 7),
    ("curator", "/es/mentoring/matches/propose/", 4),
]


@pytest.mark.parametrize(("who", "url", "expected"), PAGES)
def test_match_page_runs_a_fixed_number_of_queries(client, assert_query_count, who, url, expected):
    mentor = listed_mentor(capacity=10)
    mentee = UserFactory()
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=mentee, mentor=mentor, goal="Ayuda"),
    )
    report = services.match_report(user=mentee, match=match, who="x", reason="money", details="")
    people = {"mentee": mentee, "mentor": mentor.user, "seeker": UserFactory(),
              "curator": CuratorFactory()}  # fmt: skip

    def grow(count: int) -> None:
        """`count` more messages each way, past matches with feedback and reports, and
        other mentors."""
        for number in range(count):
            MatchMessage.objects.create(match=match, sender=mentee, body=f"Hola {number}")
            MatchMessage.objects.create(match=match, sender=mentor.user, body=f"Hello {number}")
            past = Match.objects.create(mentor=mentor, mentee=UserFactory(), status="completed")
            MatchFeedback.objects.create(match=past, side="mentee", author=past.mentee, rating=4)
            MatchFeedback.objects.create(match=past, side="mentor", author=mentor.user, rating=5)
            MatchReport.objects.create(match=past, reporter=past.mentee, reason="other")
            listed_mentor()

    client.force_login(people[who])
    assert_query_count(
        url.format(match=match.pk, mentor=mentor.pk, report=report.pk), expected, grow
    )
