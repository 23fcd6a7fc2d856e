"""The pages of registering: the register form on the event's page, "My events", the
personal calendar, and the organizer's list, CSV, message and check-in."""

import csv
import io
from datetime import timedelta

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from apps.events.models import Event, Registration
from apps.events.registrations import registration_create
from apps.events.services import event_cancel
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory, EventQuestionFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(capacity=1, seats_left=1, format="hybrid",
                        join_url="https://meet.example.org/taller")  # fmt: skip


def test_a_seeker_registers_from_the_event_page_with_the_organizers_question(client, event):
    question = EventQuestionFactory(event=event, required=True)
    person = UserFactory(display_name="Rosa")
    client.force_login(person)

    page = client.get(f"/es/events/{event.pk}/").content.decode()
    assert "¿Qué talla de camiseta usas?" in page
    assert "meet.example.org" not in page  # the join link is for people registered

    response = client.post(
        f"/es/events/{event.pk}/register/",
        {f"question_{question.pk}": "Mediana", "share_name": "on"},
        follow=True,
    )
    registration = Registration.objects.get(user=person)
    assert registration.status == "registered"
    assert registration.answers == {str(question.pk): "Mediana"}
    page = response.content.decode()
    assert "https://meet.example.org/taller" in page
    assert registration.code in page


def test_a_missing_required_answer_keeps_what_was_typed(client, event):
    EventQuestionFactory(event=event, required=True)
    text = EventQuestionFactory(event=event, kind="text", choices_es="", choices_en="",
                                prompt_es="¿Qué esperas aprender?")  # fmt: skip
    client.force_login(UserFactory())
    response = client.post(
        f"/es/events/{event.pk}/register/", {f"question_{text.pk}": "Cómo hablar de mi experiencia"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cómo hablar de mi experiencia" in page
    assert "Este campo es obligatorio." in page
    assert not Registration.objects.exists()


def test_an_answer_too_long_is_refused_with_a_message(client, event):
    text = EventQuestionFactory(event=event, kind="text", choices_es="", choices_en="")
    client.force_login(UserFactory())
    response = client.post(f"/es/events/{event.pk}/register/", {f"question_{text.pk}": "x" * 501})
    assert response.status_code == 200
    assert "x" * 501 in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "change",
    ["past", "cancelled", "closed"],
)
def test_a_registration_for_a_past_cancelled_or_closed_event_is_refused_in_spanish(client, change):
    now = timezone.now()
    fields = {
        "past": {"starts_at": now - timedelta(hours=3), "ends_at": now - timedelta(hours=1)},
        "cancelled": {"cancelled_at": now},
        "closed": {"registration_closes_at": now - timedelta(minutes=5)},
    }[change]
    event = EventFactory(capacity=5, seats_left=5, **fields)
    client.force_login(UserFactory())
    response = client.post(f"/es/events/{event.pk}/register/", {"share_name": "on"})
    assert response.status_code == 200
    expected = {
        "past": "Este evento ya empezó o terminó.",
        "cancelled": "Este evento fue cancelado.",
        "closed": "La inscripción está cerrada.",
    }[change]
    assert expected in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("pk", ["999999", "abc", "-1"])
def test_a_registration_for_an_unknown_event_is_a_404(client, pk):
    client.force_login(UserFactory())
    assert client.post(f"/es/events/{pk}/register/", {}).status_code == 404


def test_my_events_shows_the_place_in_line_and_cancelling_offers_the_seat(
    client, event, django_capture_on_commit_callbacks
):
    first, second = UserFactory(), UserFactory(preferred_language="en")
    seat = registration_create(user=first, event=event)
    registration_create(user=second, event=event)

    client.force_login(second)
    page = client.get("/es/events/registered/").content.decode()
    assert "Lista de espera: número 1" in page

    client.force_login(first)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/events/registrations/{seat.pk}/cancel/")
    assert Registration.objects.get(user=second).status == "offered"
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert mail.outbox[0].subject.startswith("A seat is free for you")

    client.force_login(second)
    offer = Registration.objects.get(user=second)
    response = client.post(f"/es/events/registrations/{offer.pk}/confirm/", follow=True)
    assert "El lugar es suyo" in response.content.decode()
    assert Registration.objects.get(user=second).status == "registered"


def test_nobody_cancels_another_persons_registration(client, event):
    registration = registration_create(user=UserFactory(), event=event)
    client.force_login(UserFactory())
    assert client.post(f"/es/events/registrations/{registration.pk}/cancel/").status_code == 404
    assert client.post(f"/es/events/registrations/{registration.pk}/confirm/").status_code == 404
    assert Registration.objects.get().status == "registered"


def test_the_personal_calendar_follows_cancellations_and_can_be_reset(client, event):
    person = UserFactory()
    registration_create(user=person, event=event)
    client.force_login(person)
    client.post("/es/events/calendar/")
    feed = person.event_calendar
    url = f"/es/events/calendar/{feed.token}.ics"

    client.logout()  # calendar apps are not signed in
    [vevent] = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert (str(vevent["status"]), vevent["sequence"]) == ("CONFIRMED", 0)
    assert "https://meet.example.org/taller" in str(vevent["location"])

    event_cancel(actor=CuratorFactory(), event=Event.objects.get(pk=event.pk))
    [vevent] = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert (str(vevent["status"]), vevent["sequence"]) == ("CANCELLED", 1)

    client.force_login(person)
    client.post("/es/events/calendar/", {"reset": "1"})
    assert client.get(url).status_code == 404
    person.event_calendar.refresh_from_db()
    assert client.get(f"/es/events/calendar/{person.event_calendar.token}.ics").status_code == 200


def test_the_organizer_sees_only_what_each_person_shared_and_exports_it(client, event):
    question = EventQuestionFactory(event=event)
    event.capacity = event.seats_left = 5
    event.save()
    shares = UserFactory(display_name="Ana", email="ana@example.org")
    hides = UserFactory(display_name="Secreto", email="secreto@example.org")
    registration_create(user=shares, event=event, share_name=True, share_email=True,
                        answers={str(question.pk): "=HYPERLINK(\"x\")"})  # fmt: skip
    hidden = registration_create(user=hides, event=event, share_name=False, share_email=False)
    member = MembershipFactory(organization=event.organization).user
    client.force_login(member)

    page = client.get(f"/es/events/{event.pk}/registrations/").content.decode()
    assert "Ana" in page and "ana@example.org" in page
    assert "Secreto" not in page and "secreto@example.org" not in page
    assert hidden.code in page

    response = client.get(f"/es/events/{event.pk}/registrations.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[1][:2] == ["Ana", "ana@example.org"]
    assert rows[1][-1] == '\'=HYPERLINK("x")'  # never a formula in a spreadsheet
    assert rows[2][:2] == [f"Participante {hidden.code}", ""]


def test_a_message_goes_to_everyone_with_a_seat_as_text(
    client, event, django_capture_on_commit_callbacks
):
    event.capacity = event.seats_left = 5
    event.save()
    people = [UserFactory(preferred_language=lang) for lang in ("es", "en")]
    for person in people:
        registration_create(user=person, event=event)
    client.force_login(CuratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/es/events/{event.pk}/message/",
            {"subject": "Cambio de salón", "body": "Nos vemos en el salón <b>B</b>."},
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("Nos vemos en el salón <b>B</b>." in m.body for m in mail.outbox)
    html = mail.outbox[0].alternatives[0][0]
    assert "<b>B</b>" not in html


def test_staff_check_people_in_by_tapping_or_by_code(client, event):
    event.capacity = event.seats_left = 5
    event.save()
    first = registration_create(user=UserFactory(display_name="Luis"), event=event)
    second = registration_create(user=UserFactory(display_name="Marta"), event=event)
    client.force_login(CuratorFactory())

    page = client.get(f"/es/events/{event.pk}/check-in/?q=lui").content.decode()
    assert "Luis" in page and "Marta" not in page
    client.post(f"/es/events/{event.pk}/check-in/", {"registration": first.pk, "q": "lui"})
    response = client.post(f"/es/events/{event.pk}/check-in/", {"code": second.code.lower()})
    assert response.status_code == 302
    assert set(Registration.objects.values_list("status", flat=True)) == {"attended"}

    response = client.post(f"/es/events/{event.pk}/check-in/", {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "ZZZZZZ" in response.content.decode()
    assert client.post(f"/es/events/{event.pk}/check-in/", {"registration": "x"}).status_code == 404


@pytest.mark.parametrize(
    ("lang", "question", "stay"),
    [
        ("es", "¿Salir de la lista de espera de “{title}”? Usted es el número 1.",
         "Quedarme en la lista"),
        ("en", "Leave the waiting list of “{title}”? You are number 1.", "Stay on the list"),
    ],
)  # fmt: skip
def test_leaving_the_waiting_list_asks_first_and_keeps_the_place_until_confirmed(
    client, event, lang, question, stay
):
    """One tap next to other buttons lost a place in line for good (joining again goes to
    the end): My events links to a page that asks, and only its form lets the place go."""
    registration_create(user=UserFactory(), event=event)  # the one seat
    person = UserFactory()
    waiting = registration_create(user=person, event=event)
    client.force_login(person)
    confirm = f"/{lang}/events/registrations/{waiting.pk}/cancel/"

    my_events = client.get(f"/{lang}/events/registered/").content.decode()
    assert f'href="{confirm}"' in my_events
    assert f'action="{confirm}"' not in my_events

    page = client.get(confirm).content.decode()
    assert question.format(title=event.title) in page
    assert f'href="/{lang}/events/registered/">{stay}</a>' in page
    assert Registration.objects.get(pk=waiting.pk).status == "waiting"

    client.post(confirm)
    assert Registration.objects.get(pk=waiting.pk).status == "cancelled"


def test_asking_to_cancel_what_is_already_cancelled_goes_back_to_my_events(client, event):
    person = UserFactory()
    registration = registration_create(user=person, event=event)
    client.force_login(person)
    client.post(f"/es/events/registrations/{registration.pk}/cancel/")

    response = client.get(f"/es/events/registrations/{registration.pk}/cancel/")

    assert response["Location"] == "/es/events/registered/"
