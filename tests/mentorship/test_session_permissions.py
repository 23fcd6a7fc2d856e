"""Who may see and do what with a match's sessions, notes, goals and tasks, and the
dashboard: only the two people in the match; anyone else (another mentor, a seeker, staff)
gets a 404, as for any private object. Rows as in tests/test_permissions.py, which counts
them as covering their URL patterns."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.mentorship.models import MentoringGoal, MentoringSession, MentoringTask
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.matrix import check_row, matrix_cases
from tests.mentorship.session_world import active_match, mentor, soon

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "seeker", "mentee", "mentor", "other_mentor", "staff"]
LOGIN = "login"
THE_TWO = [LOGIN, 404, 200, 200, 404, 404]
THE_TWO_ACT = [LOGIN, 404, 302, 302, 404, 404]
NOT_GET = [LOGIN, 405, 405, 405, 405, 405]
# A session is looked up first: to anyone else it does not exist.
SESSION_NOT_GET = [LOGIN, 404, 405, 405, 404, 404]
SESSION = {"starts_at": soon(days=3), "minutes": "60", "mode": "online"}

MATRIX = [
    ("get", "/es/mentoring/dashboard/", None, [LOGIN, 200, 200, 200, 200, 200]),
    ("get", "/es/mentoring/matches/{match}/sessions/", None, THE_TWO),
    ("post", "/es/mentoring/matches/{match}/sessions/", SESSION, THE_TWO_ACT),
    ("post", "/es/mentoring/sessions/{session}/confirm/", {}, THE_TWO_ACT),
    ("get", "/es/mentoring/sessions/{session}/confirm/", None, SESSION_NOT_GET),
    ("post", "/es/mentoring/sessions/{session}/cancel/", {}, THE_TWO_ACT),
    ("get", "/es/mentoring/sessions/{session}/move/", None, THE_TWO),
    ("post", "/es/mentoring/sessions/{session}/move/", SESSION, THE_TWO_ACT),
    ("get", "/es/mentoring/sessions/{past}/notes/", None, THE_TWO),
    ("post", "/es/mentoring/sessions/{past}/notes/", {"notes": "Repasamos"}, THE_TWO_ACT),
    ("get", "/es/mentoring/sessions/{session}/calendar.ics", None, THE_TWO),
    ("get", "/es/mentoring/matches/{match}/goals/", None, THE_TWO),
    ("post", "/es/mentoring/matches/{match}/goals/", {"title": "Licencia"}, THE_TWO_ACT),
    ("post", "/es/mentoring/goals/{goal}/tasks/", {"title": "Estudiar"},
     THE_TWO_ACT),
    ("get", "/es/mentoring/goals/{goal}/tasks/", None, NOT_GET),
    ("post", "/es/mentoring/tasks/{task}/check/", {"done": "on"}, THE_TWO_ACT),
    ("get", "/es/mentoring/tasks/{task}/check/", None, NOT_GET),
]  # fmt: skip

CASES = matrix_cases(MATRIX, ROLES)


@pytest.fixture
def world():
    match = active_match()
    now = timezone.now()
    session = MentoringSession.objects.create(
        match=match, proposed_by=match.mentor.user, starts_at=now + timedelta(days=2),
        minutes=60, mode="online",
    )  # fmt: skip
    past = MentoringSession.objects.create(
        match=match, proposed_by=match.mentee, starts_at=now - timedelta(days=2), minutes=60,
        mode="phone", status="confirmed",
    )  # fmt: skip
    goal = MentoringGoal.objects.create(match=match, title="Licencia", created_by=match.mentee)
    task = MentoringTask.objects.create(goal=goal, title="Estudiar", created_by=match.mentee)
    people = {
        "anonymous": None,
        "seeker": UserFactory(),
        "mentee": match.mentee,
        "mentor": match.mentor.user,
        "other_mentor": mentor().user,
        "staff": CuratorFactory(),
    }
    objects = {"match": match.pk, "session": session.pk, "past": past.pk, "goal": goal.pk,
               "task": task.pk}  # fmt: skip
    return people, objects


@pytest.mark.parametrize(("method", "url", "data", "role", "expected"), CASES)
def test_session_permission_matrix(client, world, method, url, data, role, expected):
    check_row(client, world, method, url, data, role, expected)
