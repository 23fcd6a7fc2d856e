"""The mentorship dashboard (a mentor's side and a mentee's), the goals page and the match
page's two includes: what people see there, and a fixed number of SQL queries whatever the
number of matches, sessions, tasks and messages."""

from datetime import timedelta
from itertools import count

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.mentorship.goals import goal_add, task_add, task_check
from apps.mentorship.models import MatchMessage, MentoringGoal, MentoringSession, MentoringTask
from apps.mentorship.sessions import SessionRefused
from tests.accounts.factories import UserFactory
from tests.mentorship.session_world import active_match, confirmed_session, match_of, mentor

pytestmark = pytest.mark.django_db


@pytest.fixture
def luis():
    return mentor(UserFactory(display_name="Luis", preferred_language="en"), capacity=3)


def test_a_mentor_sees_requests_matches_capacity_and_history(client, luis):
    rosa = UserFactory(display_name="Rosa")
    match = match_of(luis, rosa)
    match_of(luis, UserFactory(display_name="Pedro"), status="requested",
             requested_at=timezone.now() - timedelta(days=3))  # fmt: skip
    match_of(luis, UserFactory(display_name="Carmen"), status="completed",
             ended_at=timezone.now() - timedelta(days=40))  # fmt: skip
    confirmed_session(match, in_hours=26)
    MatchMessage.objects.create(match=match, sender=rosa, body="¿Nos vemos <b>el martes</b>?")
    goal = goal_add(actor=rosa, match=match, title="Licencia de electricista")
    task_check(actor=luis.user, task=task_add(actor=rosa, goal=goal, title="Pedir el formulario"),
               done=True)  # fmt: skip
    task_add(actor=luis.user, goal=goal, title="Estudiar el código eléctrico")

    client.force_login(luis.user)
    page = client.get("/en/mentoring/dashboard/").content.decode()

    assert "You mentor 1 of the 3 people you can take at once." in page
    assert "Pedro" in page and "Asked 3\xa0days ago" in page
    assert "Rosa" in page and "you mentor them" in page
    assert "1 of 2 tasks done" in page
    assert "Estudiar el código eléctrico" in page
    assert "Pedir el formulario" not in page  # done: not an open task
    assert "“¿Nos vemos &lt;b&gt;el martes&lt;/b&gt;?”" in page
    assert "You mentored Carmen" in page
    assert f'href="/en/mentoring/matches/{match.pk}/sessions/"' in page


def test_a_mentee_sees_their_side(client, luis):
    rosa = UserFactory(display_name="Rosa", preferred_language="es")
    match = match_of(luis, rosa)
    confirmed_session(match, in_hours=30)
    match_of(mentor(UserFactory(display_name="Ana")), rosa, status="requested")

    client.force_login(rosa)
    page = client.get("/es/mentoring/dashboard/").content.decode()

    assert "Requests waiting for your answer" not in page
    assert "Solicitudes que esperan su respuesta" not in page  # she is not a mentor
    assert "Sus solicitudes" in page and "Ana" in page
    assert "Luis" in page and "su mentor" in page
    assert "Próxima sesión" in page
    assert "Todavía no hay tareas." in page


def test_the_dashboard_link_is_in_the_navigation_only_when_signed_in(client):
    assert "/es/mentoring/dashboard/" not in client.get("/es/").content.decode()
    client.force_login(UserFactory())
    assert "/es/mentoring/dashboard/" in client.get("/es/").content.decode()


def grow_around(match):
    """grow(n): n more of everything the pages show, around one active match."""
    numbers = count()

    def grow(n):
        for _ in range(n):
            i = next(numbers)
            MatchMessage.objects.create(match=match, sender=match.mentee, body=f"Mensaje {i}")
            MentoringSession.objects.create(
                match=match, proposed_by=match.mentee, minutes=60, mode="online",
                starts_at=timezone.now() + timedelta(days=1 + i),
            )  # fmt: skip
            goal = MentoringGoal.objects.create(match=match, title=f"Meta {i}")
            MentoringTask.objects.create(goal=goal, title=f"Tarea {i}")
            MentoringTask.objects.create(goal=goal, title=f"Hecha {i}", done_at=timezone.now())
            match_of(match.mentor, status="requested")
            match_of(match.mentor, status="completed")

    return grow


def test_the_mentors_dashboard_costs_the_same_with_few_or_many_rows(client, assert_query_count):
    match = active_match()
    client.force_login(match.mentor.user)
    # session, user, mentor profile, open matches, next sessions, open tasks, progress,
    # completed matches
    assert_query_count("/es/mentoring/dashboard/", 8, grow_around(match))


def test_the_mentees_dashboard_costs_the_same_with_many_matches(client, assert_query_count):
    rosa = UserFactory()
    client.force_login(rosa)

    def grow(n):
        for _ in range(n):
            match = active_match(mentee=rosa)
            grow_around(match)(1)
            match_of(match.mentor, rosa, status="completed")

    assert_query_count("/es/mentoring/dashboard/", 8, grow)


def test_the_sessions_and_goals_pages_cost_the_same_with_many_rows(client, assert_query_count):
    match = active_match()
    client.force_login(match.mentee)
    grow = grow_around(match)
    # session, user, the match, its sessions
    assert_query_count(f"/es/mentoring/matches/{match.pk}/sessions/", 4, grow)
    # session, user, the match, its goals, their tasks
    assert_query_count(f"/es/mentoring/matches/{match.pk}/goals/", 5, grow)


def test_the_match_page_includes_cost_one_query_each():
    match = active_match()
    grow_around(match)(5)
    MentoringTask.objects.filter(title="Tarea 0").update(done_at=timezone.now())
    template = Template(
        '{% include "mentorship/includes/match_sessions.html" %}'
        '{% include "mentorship/includes/match_goals.html" %}'
    )
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"match": match, "user": match.mentee}))
    assert len(queries) == 2
    assert "6 de 10 tareas hechas" in html or "6 of 10 tasks done" in html
    assert f"/mentoring/matches/{match.pk}/sessions/" in html
    assert f"/mentoring/matches/{match.pk}/goals/" in html


def test_goals_and_tasks_added_and_checked_off_by_either_side(client):
    match = active_match()
    client.force_login(match.mentee)
    goals_url = f"/es/mentoring/matches/{match.pk}/goals/"
    assert client.post(goals_url, {"title": "Licencia <i>OSHA</i>"}).status_code == 302
    goal = MentoringGoal.objects.get()
    client.force_login(match.mentor.user)
    for title in ("Inscribirse al curso", "Tomar el examen"):
        response = client.post(f"/es/mentoring/goals/{goal.pk}/tasks/", {"title": title})
        assert response.status_code == 302
    first = MentoringTask.objects.get(title="Inscribirse al curso")
    client.force_login(match.mentee)
    client.post(f"/es/mentoring/tasks/{first.pk}/check/", {"done": "on"})
    first.refresh_from_db()
    assert first.done_by == match.mentee

    page = client.get(goals_url).content.decode()
    assert "1 de 2 tareas hechas" in page
    assert "Licencia &lt;i&gt;OSHA&lt;/i&gt;" in page
    client.post(f"/es/mentoring/tasks/{first.pk}/check/", {})  # opened again
    first.refresh_from_db()
    assert first.done_at is None


def test_a_refused_goal_or_task_keeps_what_was_typed(client):
    match = active_match()
    goal = MentoringGoal.objects.create(match=match, title="Licencia")
    client.force_login(match.mentee)
    long_title = "x" * 201
    response = client.post(f"/es/mentoring/matches/{match.pk}/goals/", {"title": long_title})
    assert response.status_code == 400
    assert long_title in response.content.decode()
    response = client.post(f"/es/mentoring/goals/{goal.pk}/tasks/", {"title": "y" * 201})
    assert response.status_code == 400
    assert "y" * 201 in response.content.decode()
    assert not MentoringTask.objects.exists()


def test_a_match_no_longer_active_takes_no_new_goals():
    match = match_of(mentor(), status="completed")
    with pytest.raises(SessionRefused):
        goal_add(actor=match.mentee, match=match, title="Otra meta")
