"""In an active match, on a phone: the mentor (English, Los Angeles) proposes a session, the
mentee (Spanish, New York) confirms it, each sees it in their own time zone; they set a goal
with two tasks and check one off; both dashboards show it. axe: no serious or critical
violations on any page."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.mentorship.models import MentoringSession
from apps.notifications.models import Delivery
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import sign_in
from tests.mentorship.session_world import active_match

# Times end in the zone's abbreviation: "E" for EST or EDT, "P" for PST or PDT.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def sign_in_in_english(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def signed_out(page, button: str, link: str) -> None:
    page.get_by_role("button", name=button).click()
    expect(
        page.get_by_role("navigation").get_by_role("link", name=link, exact=True)
    ).to_be_visible()


def test_a_session_and_goals_in_each_persons_language_and_time_zone(page, journey, mailoutbox):
    luis = UserFactory(email="luis@example.org", display_name="Luis", preferred_language="en",
                       time_zone="America/Los_Angeles")  # fmt: skip
    rosa = UserFactory(email="rosa@example.org", display_name="Rosa", preferred_language="es",
                       time_zone="America/New_York")  # fmt: skip
    match = active_match(mentee=rosa, mentor_user=luis)
    day = (timezone.now().astimezone(LOS_ANGELES) + timedelta(days=4)).date()

    # Luis proposes Thursday-or-so at 3 p.m., his time, with a video link.
    sign_in_in_english(page, "luis@example.org")
    page.goto("/en/mentoring/dashboard/")
    journey.visit("mentor dashboard before")
    page.get_by_role("link", name="Sessions").first.click()
    page.get_by_label("Date and time").fill(f"{day.isoformat()}T15:00")
    page.get_by_label("How you meet").select_option("online")
    page.get_by_label("Link to the video call").fill("https://meet.example.org/rosa-luis")
    page.get_by_role("button", name="Propose this time").click()
    expect(page.get_by_text("Session proposed. Rosa gets an email to confirm it.")).to_be_visible()
    expect(page.get_by_text("3 p.m.–4 p.m. P")).to_be_visible()
    expect(page.get_by_text("Waiting for Rosa to confirm")).to_be_visible()
    journey.visit("session proposed")
    signed_out(page, "Sign out", "Sign in")
    [proposal] = [message for message in mailoutbox if message.to == ["rosa@example.org"]]
    assert proposal.subject == "Luis propone una sesión de mentoría"
    assert "18:00–19:00 E" in proposal.body

    # Rosa sees 6 p.m., her time (and 3 p.m. for Luis), and confirms.
    sign_in(page, "rosa@example.org", PASSWORD)
    page.goto(f"/es/mentoring/matches/{match.pk}/sessions/")
    expect(page.get_by_text("18:00–19:00 E")).to_be_visible()
    expect(page.get_by_text("Para Luis:")).to_be_visible()
    journey.visit("sesión propuesta")
    page.get_by_role("button", name="Confirmar esta hora").click()
    expect(page.get_by_text("Sesión confirmada.")).to_be_visible()
    session = MentoringSession.objects.get()
    assert session.status == "confirmed"
    assert session.starts_at.astimezone(LOS_ANGELES).hour == 15
    assert Delivery.objects.filter(kind="mentoring_session_reminder").count() == 4

    # They set a goal with two steps; she checks one off.
    page.get_by_role("link", name="Metas y tareas").first.click()
    page.get_by_label("Una meta nueva").fill("Sacar la licencia de electricista")
    page.get_by_role("button", name="Agregar la meta").click()
    expect(page.get_by_text("Meta agregada.")).to_be_visible()
    for step in ("Pedir cartas de experiencia", "Llenar la solicitud del examen"):
        page.get_by_label("Un paso pequeño").fill(step)
        page.get_by_role("button", name="Agregar el paso").click()
        expect(page.get_by_text(step, exact=True)).to_be_visible()
    page.get_by_role("button", name="Marcar «Pedir cartas de experiencia» como hecha").click()
    expect(page.get_by_text("1 de 2 tareas hechas")).to_be_visible()
    journey.visit("metas")

    page.get_by_role("link", name="Mi mentoría").first.click()
    expect(page.get_by_text("1 de 2 tareas hechas")).to_be_visible()
    expect(page.get_by_text("18:00–19:00 E")).to_be_visible()
    expect(page.get_by_text("Llenar la solicitud del examen")).to_be_visible()
    journey.visit("panel de la mentorada")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # Luis's dashboard: the session in his time, the progress, the open step.
    sign_in_in_english(page, "luis@example.org")
    page.goto("/en/mentoring/dashboard/")
    expect(page.get_by_text("You mentor 1 of the 10 people you can take at once.")).to_be_visible()
    expect(page.get_by_text("3 p.m.–4 p.m. P")).to_be_visible()
    expect(page.get_by_text("1 of 2 tasks done")).to_be_visible()
    journey.visit("mentor dashboard after")
