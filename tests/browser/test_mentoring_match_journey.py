"""A mentoring match on phones, in Spanish and English: a Spanish-speaking seeker asks a
listed mentor, the mentor (in English) accepts, a second seeker finds the mentor full, they
write to each other, complete the match and leave feedback. axe: nothing serious."""

import pytest
from playwright.sync_api import expect

from apps.mentorship.models import Match, MatchFeedback, MentorProfile
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.conftest import sign_in
from tests.browser.test_event_registration_journey import sign_in_in_english, signed_out
from tests.mentorship.helpers import listed_mentor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_seeker_and_a_mentor_go_from_request_to_feedback(page, journey, mailoutbox):
    marcus = UserFactory(email="marcus@example.org", preferred_language="en",
                         display_name="Marcus")  # fmt: skip
    mentor = listed_mentor(user=marcus, capacity=1)
    UserFactory(email="lucia@example.org", preferred_language="es", display_name="Lucía")
    UserFactory(email="ben@example.org", preferred_language="en", display_name="Ben")
    request_url = f"/mentoring/{mentor.pk}/request/"

    # Lucía asks Marcus for help, in Spanish, on her phone.
    sign_in(page, "lucia@example.org", PASSWORD)
    page.goto(f"/es{request_url}")
    journey.visit("pedir mentor")
    page.get_by_label("¿Con qué le gustaría recibir ayuda?").fill(
        "Quiero sacar mi licencia de electricista en Illinois."
    )
    page.get_by_role("button", name="Enviar mi solicitud").click()
    expect(page.get_by_text("Su solicitud fue enviada.")).to_be_visible()
    expect(page.get_by_text("Esperando respuesta.")).to_be_visible()
    journey.visit("solicitud enviada")
    match = Match.objects.get()
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # Marcus gets the request in English and accepts it.
    [request] = [m for m in mailoutbox if m.to == ["marcus@example.org"]]
    assert request.subject == "Lucía asks you to be their mentor"
    sign_in_in_english(page, "marcus@example.org")
    page.goto(f"/en/mentoring/matches/{match.pk}/")
    journey.visit("a request to answer")
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.get_by_text("The match has started. Say hello in a message!")).to_be_visible()
    page.get_by_label("Your message").fill("Hi Lucía! <b>Tuesday</b> at 6 works for me.")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Hi Lucía! <b>Tuesday</b> at 6 works for me.")).to_be_visible()
    journey.visit("the match, active")
    signed_out(page, "Sign out", "Sign in")

    # Ben, another seeker, finds Marcus full.
    sign_in_in_english(page, "ben@example.org")
    page.goto(f"/en{request_url}")
    expect(page.get_by_text("This mentor has no free place for a new mentee now.")).to_be_visible()
    journey.visit("a full mentor")
    signed_out(page, "Sign out", "Sign in")

    # Lucía reads the message (emailed without its text), answers and completes the match.
    started = [m for m in mailoutbox if m.to == ["lucia@example.org"]]
    assert [m.subject for m in started] == ["Su mentoría ha comenzado", "Mensaje nuevo de Marcus"]
    assert "Tuesday" not in started[1].body
    sign_in(page, "lucia@example.org", PASSWORD)
    page.goto(f"/es/mentoring/matches/{match.pk}/")
    expect(page.get_by_text("Hi Lucía! <b>Tuesday</b> at 6 works for me.")).to_be_visible()
    page.get_by_label("Su mensaje").fill("¡Gracias! Nos vemos el martes.")
    page.get_by_role("button", name="Enviar", exact=True).click()
    expect(page.get_by_text("¡Gracias! Nos vemos el martes.")).to_be_visible()
    journey.visit("la mentoría, mensajes")
    page.get_by_role("button", name="Marcar como completada").click()
    expect(page.get_by_text("La mentoría está completada.")).to_be_visible()
    page.get_by_label("5 – Excelente").check()
    page.get_by_label("Unas palabras (opcional)").fill("Me ayudó muchísimo.")
    page.get_by_role("button", name="Enviar opinión").click()
    expect(page.get_by_text("Gracias por su opinión.")).to_be_visible()
    journey.visit("opinión enviada")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # Marcus is told in English, and leaves his feedback too.
    assert "Your mentoring match is complete" in [
        m.subject for m in mailoutbox if m.to == ["marcus@example.org"]
    ]
    sign_in_in_english(page, "marcus@example.org")
    page.goto(f"/en/mentoring/matches/{match.pk}/")
    page.get_by_label("4 – Very good").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    journey.visit("feedback given")

    assert sorted(MatchFeedback.objects.values_list("side", "rating")) == [
        ("mentee", 5), ("mentor", 4),
    ]  # fmt: skip
    assert MentorProfile.objects.get(pk=mentor.pk).active_mentees == 0
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the match page fits a phone without scrolling sideways"
