"""Both dashboards on a phone, each in its person's language and time zone: the mentor
(English, Los Angeles) and the mentee (Spanish, New York) see their confirmed session in
their own time, the goal's progress and the open task; the proposal's email gives the mentee
her time. (Proposing, confirming and the goals' pages are in test_mentoring_journey.) axe: no
serious or critical violations."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.mentorship.goals import goal_add, task_add, task_check
from apps.mentorship.sessions import session_confirm, session_propose
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import sign_in
from tests.browser.test_event_registration_journey import sign_in_in_english, signed_out
from tests.mentorship.helpers import send_due
from tests.mentorship.session_world import active_match

# Times end in the zone's abbreviation: "E" for EST or EDT, "P" for PST or PDT.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_each_dashboard_shows_the_session_in_its_persons_time_and_the_progress(
    page, journey, mailoutbox
):
    luis = UserFactory(email="luis@example.org", display_name="Luis", preferred_language="en",
                       time_zone="America/Los_Angeles")  # fmt: skip
    rosa = UserFactory(email="rosa@example.org", display_name="Rosa", preferred_language="es",
                       time_zone="America/New_York")  # fmt: skip
    match = active_match(mentee=rosa, mentor_user=luis)
    day = (timezone.now().astimezone(LOS_ANGELES) + timedelta(days=4)).date()
    session = session_propose(
        actor=luis, match=match, starts_at=datetime.combine(day, time(15), tzinfo=LOS_ANGELES),
        minutes=60, mode="online", join_url="https://meet.example.org/rosa-luis",
    )  # fmt: skip
    send_due()
    [proposal] = [message for message in mailoutbox if message.to == ["rosa@example.org"]]
    assert proposal.subject == "Luis propone una sesión de mentoría"
    assert "18:00–19:00 E" in proposal.body
    session_confirm(actor=rosa, session=session)
    goal = goal_add(actor=rosa, match=match, title="Sacar la licencia de electricista")
    done = task_add(actor=luis, goal=goal, title="Pedir cartas de experiencia")
    task_add(actor=rosa, goal=goal, title="Llenar la solicitud del examen")
    task_check(actor=rosa, task=done, done=True)

    sign_in(page, "rosa@example.org", PASSWORD)
    page.goto("/es/mentoring/dashboard/")
    expect(page.get_by_text("1 de 2 tareas hechas")).to_be_visible()
    expect(page.get_by_text("18:00–19:00 E")).to_be_visible()
    expect(page.get_by_text("Llenar la solicitud del examen")).to_be_visible()
    journey.visit("panel de la mentorada")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    sign_in_in_english(page, "luis@example.org")
    page.goto("/en/mentoring/dashboard/")
    expect(page.get_by_text("You mentor 1 of the 10 people you can take at once.")).to_be_visible()
    expect(page.get_by_text("3 p.m.–4 p.m. P")).to_be_visible()
    expect(page.get_by_text("1 of 2 tasks done")).to_be_visible()
    journey.visit("mentor dashboard")
