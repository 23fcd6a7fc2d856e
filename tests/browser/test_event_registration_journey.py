import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.events.models import Registration
from apps.notifications.models import Delivery
from apps.notifications.tasks import sweep_deliveries
from tests.accounts.factories import PASSWORD, CuratorFactory, UserFactory
from tests.browser.conftest import sign_in
from tests.events.factories import EventFactory, EventQuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_full_workshop_offers_the_freed_seat_to_the_next_person_who_confirms(
    page, journey, mailoutbox
):
    event = EventFactory(title_es="Taller de entrevistas", title_en="Interview workshop",
                         capacity=1, seats_left=1)  # fmt: skip
    EventQuestionFactory(event=event, prompt_es="¿Qué talla de camiseta usas?",
                         prompt_en="What T-shirt size do you wear?")  # fmt: skip
    UserFactory(email="ana@example.org", preferred_language="es", display_name="Ana")
    UserFactory(email="ben@example.org", preferred_language="en", display_name="Ben")
    CuratorFactory(email="rosa@example.org")

    # Ana registers in Spanish, answering the organizer's question, on her phone.
    sign_in(page, "ana@example.org", PASSWORD)
    page.goto(f"/es/events/{event.pk}/")
    journey.visit("event with the register form")
    page.get_by_label("Mediana").check()
    page.get_by_role("button", name="Inscribirse").click()
    expect(page.get_by_text("Su inscripción está confirmada. ¡Nos vemos allí!")).to_be_visible()
    code = Registration.objects.get(user__email="ana@example.org").code
    expect(page.locator(".registration .check-in-code")).to_have_text(code)
    journey.visit("registered")
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # The day before, her reminder comes in Spanish with the event for her calendar.
    Delivery.objects.filter(kind="event_reminder", params__which="day").update(
        due_at=timezone.now() - timedelta(minutes=5)
    )
    sweep_deliveries()
    [reminder] = [message for message in mailoutbox if message.to == ["ana@example.org"]]
    assert reminder.subject == "Mañana: Taller de entrevistas"
    assert "Hola, Ana:" in reminder.body
    assert [name for name, _content, _type in reminder.attachments] == ["event.ics"]

    # Ben, in English, finds it full and joins the waiting list.
    sign_in_in_english(page, "ben@example.org")
    page.goto(f"/en/events/{event.pk}/")
    expect(page.get_by_text("The event is full: you can join the waiting list.")).to_be_visible()
    page.get_by_label("Large").check()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(
        page.get_by_text("The event is full. You are number 1 on the waiting list.")
    ).to_be_visible()
    page.goto("/en/events/registered/")
    expect(page.get_by_text("Waiting list: number 1")).to_be_visible()
    journey.visit("my events, waiting")
    signed_out(page, "Sign out", "Sign in")

    # Ana cannot come after all and gives up her seat.
    sign_in(page, "ana@example.org", PASSWORD)
    page.goto("/es/events/registered/")
    journey.visit("mis eventos")
    page.get_by_role("link", name="Cancelar mi inscripción").click()
    expect(page.get_by_text("Su lugar pasará a la siguiente persona de la lista.")).to_be_visible()
    journey.visit("asked to confirm the cancellation")
    page.get_by_role("button", name="Cancelar mi inscripción").click()
    expect(page.get_by_text("Gracias por dejar su lugar a otra persona.")).to_be_visible()
    signed_out(page, "Cerrar sesión", "Iniciar sesión")

    # Ben is offered the seat, by email in English and on his page, and confirms it.
    [offer] = [message for message in mailoutbox if message.to == ["ben@example.org"]]
    assert offer.subject == "A seat is free for you: Interview workshop"
    sign_in_in_english(page, "ben@example.org")
    page.goto("/en/events/registered/")
    expect(page.get_by_text("A seat is free for you", exact=True)).to_be_visible()
    journey.visit("my events, offered")
    page.get_by_role("button", name="Confirm my seat").click()
    expect(page.get_by_text("The seat is yours. See you there!")).to_be_visible()
    assert Registration.objects.get(user__email="ben@example.org").status == "registered"
    signed_out(page, "Sign out", "Sign in")

    # Staff check Ben in at the door from a phone.
    sign_in(page, "rosa@example.org", PASSWORD, totp_secret="JBSWY3DPEHPK3PXP")
    page.goto(f"/es/events/{event.pk}/check-in/")
    journey.visit("check in at the door")
    page.get_by_label("Buscar a una persona por nombre, correo o código").fill("ben")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=ben"))
    page.get_by_role("button", name=re.compile(r"Registrar llegada de Ben")).click()
    expect(page.get_by_text("Llegada registrada: Ben.")).to_be_visible()
    journey.visit("checked in")
    assert Registration.objects.get(user__email="ben@example.org").status == "attended"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the check-in page fits a phone without scrolling sideways"


def sign_in_in_english(page, email: str) -> None:
    """A person whose language is English lands on English pages once signed in."""
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def signed_out(page, button: str, link: str) -> None:
    """Sign out, and wait until it is done: the next person signs in on the same phone."""
    page.get_by_role("button", name=button).click()
    expect(
        page.get_by_role("navigation").get_by_role("link", name=link, exact=True)
    ).to_be_visible()
