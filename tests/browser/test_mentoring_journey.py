"""Mentoring from end to end, on a phone, in Chromium, in English and Spanish: Grace applies
to mentor in English (one mentee at a time), staff approve her, María (Spanish) says what she
wants help with, sees Grace suggested with the reasons and asks her; Grace accepts, they write
to each other, set a session (each sees it in their own time zone, and the reminders go out in
each one's language), a goal with two tasks, complete the match and both leave feedback; Ben
cannot ask Grace while she is full. axe: nothing serious or critical on any page."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.mentorship.models import Match, MatchFeedback, MentoringSession, MentorProfile
from apps.notifications.models import Delivery
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.browser.conftest import sign_in
from tests.browser.test_event_registration_journey import sign_in_in_english, signed_out
from tests.mentorship.factories import MentorFactory
from tests.mentorship.helpers import send_due

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
HELLO = "Hi María! <b>Tuesday</b> at 6 works for me."


def apply_in_english(page, journey) -> None:
    """Grace fills in her application; sent before agreeing to the code of conduct, it is
    refused with everything she typed still there."""
    page.goto("/en/mentoring/")
    journey.visit("mentors list")
    page.get_by_role("link", name="Become a mentor").click()
    expect(page).to_have_url(re.compile("/en/mentoring/apply/"))
    page.get_by_label("Headline in English").fill("Licensed electrician, 12 years")
    page.get_by_label("What you can help with, in English").fill("Getting your license.")
    page.get_by_label("Occupations, in English").fill("electrician")
    page.locator("input[name=industries][value=trades]").check()
    page.locator("input[name=languages][value=es]").check()
    page.locator("input[name=languages][value=en]").check()
    page.locator("input[name=meeting_modes][value=online]").check()
    page.get_by_label("Hours a month").fill("4")
    page.get_by_label("Mentees at once").fill("1")
    page.get_by_role("button", name="Send my application").click()
    expect(
        page.get_by_text("To send your application, agree to the code of conduct.")
    ).to_be_visible()
    expect(page.get_by_label("Headline in English")).to_have_value("Licensed electrician, 12 years")
    journey.visit("apply form with an error")
    page.get_by_label("I have read the code of conduct and I agree to it.").check()
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Pending review")
    journey.visit("application sent")


def test_from_applying_to_mentor_to_feedback_on_a_completed_match(page, journey, mailoutbox):
    UserFactory(email="grace@example.org", display_name="Grace", preferred_language="en",
                time_zone="America/Los_Angeles")  # fmt: skip
    UserFactory(email="maria@example.org", display_name="María", preferred_language="es",
                time_zone="America/New_York")  # fmt: skip
    UserFactory(email="ben@example.org", display_name="Ben", preferred_language="en")
    CuratorFactory(email="rosa@example.org", display_name="Rosa")
    # A listed mentor who fits María less: no Spanish.
    MentorFactory(user__display_name="Tom", languages=["en"], industries=["office"])

    # Grace applies, in English.
    sign_in_in_english(page, "grace@example.org")
    apply_in_english(page, journey)
    signed_out(page, "Sign out", "Sign in")

    # Staff approve her (signing in with their authenticator app).
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto("/es/review/mentors/")
    journey.visit("cola de mentores")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("link", name="Grace").click()
    expect(page.get_by_role("button", name="Aprobar")).to_be_visible()
    journey.visit("revisar solicitud")
    page.get_by_role("button", name="Aprobar").click()
    expect(page.locator(".manage-panel .badge")).to_have_text("Publicado")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")
    grace = MentorProfile.objects.get(user__email="grace@example.org")
    assert grace.is_listed

    # María says what she wants help with, sees Grace first and why, and asks her.
    sign_in(page, "maria@example.org", PASSWORD)
    page.goto("/es/mentoring/ask/")
    journey.visit("pedir ayuda")
    page.locator("[name=goal]").fill("Quiero sacar mi licencia de electricista.")
    page.locator("[name=industry]").select_option("trades")
    page.locator("[name=skills]").fill("electricista")
    page.locator("#id_language").select_option("es")
    page.locator("[name=meeting_mode]").select_option("online")
    page.get_by_role("button", name="Ver los mentores para mí").click()
    expect(page).to_have_url(re.compile("/es/mentoring/suggestions/"))
    first = page.locator(".mentor-card").first
    expect(first.get_by_role("link", name="Grace")).to_be_visible()
    for reason in ("habla español", "oficios especializados", "se reúne en línea"):
        expect(first).to_contain_text(reason, ignore_case=True)
    journey.visit("sugerencias")
    first.get_by_role("link", name="Grace").click()
    expect(page.get_by_role("heading", name="Grace")).to_be_visible()
    assert "grace@example.org" not in page.content()
    journey.visit("pagina de grace")
    page.get_by_role("link", name="Pedir a este mentor").click()
    expect(page.get_by_label("¿Con qué le gustaría recibir ayuda?")).to_have_value(
        "Quiero sacar mi licencia de electricista."
    )
    assert "grace@example.org" not in page.content()
    journey.visit("pedir a grace")
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.get_by_text("Esperando respuesta.")).to_be_visible()
    journey.visit("solicitud enviada")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")
    match = Match.objects.get(mentor=grace)

    # Grace, told in English, accepts, writes (HTML stays text) and proposes a session.
    assert "María asks you to be their mentor" in [
        m.subject for m in mailoutbox if m.to == ["grace@example.org"]
    ]
    sign_in_in_english(page, "grace@example.org")
    page.goto(f"/en/mentoring/matches/{match.pk}/")
    journey.visit("a request to answer")
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_text("The match has started. Say hello in a message!")).to_be_visible()
    page.get_by_label("Your message").fill(HELLO)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text(HELLO)).to_be_visible()
    journey.visit("the match, active")
    day = (timezone.now().astimezone(LOS_ANGELES) + timedelta(days=4)).date()
    page.get_by_role("link", name="Sessions").first.click()
    page.get_by_label("Date and time").fill(f"{day.isoformat()}T15:00")
    page.get_by_label("How you meet").select_option("online")
    page.get_by_label("Link to the video call").fill("https://meet.example.org/maria-grace")
    page.get_by_role("button", name="Propose this time").click()
    expect(page.get_by_text("3 p.m.–4 p.m. P")).to_be_visible()
    journey.visit("session proposed")
    signed_out(page, "Sign out", "Sign in")

    # Ben cannot ask Grace: her one place is taken.
    sign_in_in_english(page, "ben@example.org")
    page.goto(f"/en/mentoring/{grace.pk}/request/")
    expect(page.get_by_text("This mentor has no free place for a new mentee now.")).to_be_visible()
    expect(page.get_by_role("button", name="Send my request")).to_have_count(0)
    journey.visit("a full mentor")
    signed_out(page, "Sign out", "Sign in")

    # María was emailed the message without its text; she answers and confirms the session,
    # which she sees in her own time.
    messages = [m for m in mailoutbox if m.to == ["maria@example.org"]]
    [message] = [m for m in messages if m.subject == "Mensaje nuevo de Grace"]
    assert "Tuesday" not in message.body
    sign_in(page, "maria@example.org", PASSWORD)
    page.goto(f"/es/mentoring/matches/{match.pk}/")
    expect(page.get_by_text(HELLO)).to_be_visible()
    page.get_by_label("Su mensaje").fill("¡Gracias! Nos vemos el martes.")
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(page.get_by_text("¡Gracias! Nos vemos el martes.")).to_be_visible()
    journey.visit("mensajes")
    page.get_by_role("link", name="Sesiones").first.click()
    expect(page.get_by_text("18:00–19:00 E")).to_be_visible()
    expect(page.get_by_text("Para Grace:")).to_be_visible()
    page.get_by_role("button", name="Confirmar esta hora").click()
    expect(page.get_by_text("Sesión confirmada.")).to_be_visible()
    journey.visit("sesion confirmada")
    assert MentoringSession.objects.get().status == "confirmed"

    # The reminders (a day and an hour before) are queued for both, each in their language.
    reminders = Delivery.objects.filter(kind="mentoring_session_reminder")
    assert reminders.count() == 4
    mailoutbox.clear()
    reminders.update(due_at=timezone.now())
    send_due()
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == [
        ("grace@example.org", "In an hour: your mentoring session with María"),
        ("grace@example.org", "Tomorrow: your mentoring session with María"),
        ("maria@example.org", "En una hora: su sesión de mentoría con Grace"),
        ("maria@example.org", "Mañana: su sesión de mentoría con Grace"),
    ]

    # A goal with two tasks; she checks one off.
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

    # She completes the match and leaves her feedback.
    page.goto(f"/es/mentoring/matches/{match.pk}/")
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page.get_by_text("La mentoría está completada.")).to_be_visible()
    page.get_by_label("5 – Excelente").check()
    page.get_by_label("Unas palabras (opcional)").fill("Me ayudó muchísimo.")
    page.get_by_role("button", name="Enviar opinión").click()
    expect(page.get_by_text("Gracias por su opinión.")).to_be_visible()
    journey.visit("opinion enviada")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # Grace is told in English, and leaves hers.
    assert "Your mentoring match is complete" in [
        m.subject for m in mailoutbox if m.to == ["grace@example.org"]
    ]
    sign_in_in_english(page, "grace@example.org")
    page.goto(f"/en/mentoring/matches/{match.pk}/")
    page.get_by_label("4 – Very good").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    journey.visit("feedback given")

    assert sorted(MatchFeedback.objects.values_list("side", "rating")) == [
        ("mentee", 5), ("mentor", 4),
    ]  # fmt: skip
    assert MentorProfile.objects.get(pk=grace.pk).active_mentees == 0
