"""The demo's mentoring (apps/mentorship/demo/matches.json): Luis and Sam mentor, and the demo
accounts have matches in every state, an active one with sessions, goals, tasks and
messages, so the dashboard and the match's pages have something to show."""

import pytest
from django.core.management import call_command

from apps.mentorship.models import (
    Match,
    MatchFeedback,
    MatchStatus,
    MentoringSession,
    MentoringTask,
    MentorProfile,
)
from tests.accounts.factories import CuratorFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_matches_in_every_state(client):
    call_command("load_demo", force=True, stdout=None)
    call_command("load_demo", force=True, stdout=None)  # twice: nothing duplicated

    demo = Match.objects.filter(mentor__user__email__in=["luis@example.org", "sam@example.org"])
    assert set(demo.values_list("status", flat=True)) == set(MatchStatus.values)
    for profile in MentorProfile.objects.filter(user__email__in=["luis@example.org",
                                                                 "sam@example.org"]):  # fmt: skip
        active = profile.matches.filter(status=MatchStatus.ACTIVE).count()
        assert profile.active_mentees == active
        assert profile.is_listed or profile.active_mentees == profile.capacity
    assert MentoringSession.objects.count() == 4
    assert MentoringTask.objects.filter(done_at__isnull=False).count() == 2

    client.login(email="maria@example.org", password="camino-demo-2026")
    page = client.get("/es/mentoring/dashboard/").content.decode()
    assert "Luis" in page
    assert "2 de 4 tareas hechas" in page
    assert "Sam" in page  # staff's proposal, waiting for her
    client.login(email="luis@example.org", password="camino-demo-2026")
    page = client.get("/en/mentoring/dashboard/").content.decode()
    assert "You mentor 1 of the 3 people you can take at once." in page
    assert "Ana" in page  # her request
    assert "You mentored Sam" in page

    # Both sides of each completed match left feedback: staff's summary per mentor shows it.
    completed = demo.filter(status=MatchStatus.COMPLETED)
    assert MatchFeedback.objects.filter(match__in=completed).count() == 2 * completed.count()
    client.force_login(CuratorFactory())
    summary = client.get("/en/mentoring/feedback/").content.decode()
    assert summary.index("Mentees' average: 3.0 of 5") < summary.index("Mentees' average: 5.0")
    assert "we moved our sessions several times" in summary
    assert "Ya me llamaron de dos restaurantes." in summary
