"""A seeker says what they want help with and sees the mentors who fit; new mentors who fit
come in the weekly digest, and staff see the applications waiting in their daily summary.
What a seeker asked for goes with their account (personal data)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.core.personal_data import erase, export
from apps.mentorship import services
from apps.mentorship.models import MentorshipAsk
from apps.mentorship.ranking import SUGGESTIONS
from apps.notifications.digest import digest_week
from apps.notifications.services import preferences_update
from apps.notifications.tasks import send_staff_summaries, send_weekly_digests
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import ApplicationFactory, AskFactory, MentorFactory

pytestmark = pytest.mark.django_db

ASK = {
    "goal": "Quiero sacar mi licencia de electricista.",
    "industry": "trades",
    "skills": "electricista",
    "language": "es",
    "meeting_mode": "online",
}


def test_a_seeker_asks_and_sees_the_mentors_who_fit_with_why(client):
    fits = MentorFactory(user__display_name="Rosa", occupations_es="electricista")
    MentorFactory(user__display_name="Tom", languages=["en"], industries=["office"],
                  occupations_es="contador", occupations_en="accountant",
                  skills_es="", skills_en="")  # fmt: skip
    seeker = UserFactory()
    client.force_login(seeker)
    response = client.post("/es/mentoring/ask/", ASK)
    assert response.status_code == 302 and response["Location"] == "/es/mentoring/suggestions/"
    page = client.get("/es/mentoring/suggestions/").content.decode()
    assert page.index("Rosa") < page.index("Tom")
    assert "habla español, oficios especializados, electricista, se reúne en línea" in page
    assert f'href="/es/mentoring/{fits.pk}/"' in page
    # one ask per person, changed in place
    client.post("/es/mentoring/ask/", {**ASK, "goal": "Mi primer trabajo"})
    assert MentorshipAsk.objects.get(user=seeker).goal == "Mi primer trabajo"


def open_with(status: str, mentor, seeker):
    """A match in this status between them, made as people make it."""
    if status == "proposed":
        return services.match_propose(actor=CuratorFactory(), mentor=mentor, mentee=seeker,
                                      goal="Ayuda")  # fmt: skip
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    if status == "active":
        services.match_accept(user=mentor.user, match=match)
    return match


def suggested(client, language: str) -> dict[str, bool]:
    """The suggested mentors' names, each with whether the card offers to ask them."""
    page = client.get(f"/{language}/mentoring/suggestions/").content.decode()
    cards = page.split('<li class="card')[1:]
    button = {"es": ">Pedir a este mentor</a>", "en": ">Request this mentor</a>"}[language]
    return {name: button in card for card in cards for name in ("Rosa", "Luis", "Ana")
            if name in card}  # fmt: skip


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("status", ["requested", "proposed", "active"])
def test_the_suggestions_leave_out_a_mentor_the_seeker_has_asked_or_has(client, language, status):
    # María's mentor is Luis: asking him again would be refused, so he is not suggested.
    seeker = UserFactory(display_name="María")
    AskFactory(user=seeker)
    luis = MentorFactory(user__display_name="Luis")
    MentorFactory(user__display_name="Rosa")
    match = open_with(status, luis, seeker)
    client.force_login(seeker)

    assert suggested(client, language) == {"Rosa": True}

    services.match_cancel(user=seeker, match=match, reason="")
    assert suggested(client, language) == {"Luis": True, "Rosa": True}


def test_the_suggestions_stay_full_past_the_mentors_left_out(client):
    seeker = UserFactory()
    AskFactory(user=seeker)
    mentors = MentorFactory.create_batch(SUGGESTIONS + 1)
    for mentor in mentors[:2]:
        open_with("requested", mentor, seeker)
    client.force_login(seeker)
    page = client.get("/es/mentoring/suggestions/").content.decode()
    shown = {mentor.pk for mentor in mentors if f"/es/mentoring/{mentor.pk}/request/" in page}
    assert shown == {mentor.pk for mentor in mentors[2:]}


def test_a_mentor_who_seeks_a_mentor_is_not_suggested_to_themselves(client):
    ana = MentorFactory(user__display_name="Ana")
    MentorFactory(user__display_name="Rosa")
    AskFactory(user=ana.user)
    client.force_login(ana.user)
    assert suggested(client, "en") == {"Rosa": True}


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"meeting_mode": "in_person"}, "Para reunirse en persona, indique su código postal."),
        ({"meeting_mode": "in_person", "zip_code": "6062"}, "de 5 dígitos"),
        ({"goal": ""}, "Este campo es obligatorio."),
        ({"language": "xx"}, "Escoja una opción válida."),
    ],
)
def test_bad_input_in_the_ask_is_explained_and_kept(client, changes, error):
    client.force_login(UserFactory())
    response = client.post("/es/mentoring/ask/", {**ASK, "skills": "<b>cables</b>", **changes})
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page and "&lt;b&gt;cables&lt;/b&gt;" in page
    assert not MentorshipAsk.objects.exists()


def test_browsing_filters_by_language_kind_of_work_way_to_meet_and_distance(client):
    chicago = MentorFactory(user__display_name="Rosa")
    MentorFactory(user__display_name="Ana", zip_code="10001")  # New York
    MentorFactory(user__display_name="Tom", languages=["en"], industries=["office"],
                  meeting_modes=["phone"], zip_code="")  # fmt: skip
    page = client.get("/en/mentoring/?language=en&industry=office&mode=phone").content.decode()
    assert "Tom" in page and "Rosa" not in page and "Ana" not in page
    page = client.get("/en/mentoring/?zip=60623&radius=25").content.decode()
    assert "Rosa" in page and "Ana" not in page and "Tom" not in page
    assert f'href="/en/mentoring/{chicago.pk}/"' in page
    page = client.get("/en/mentoring/?q=electrician&zip=1234&language=zz").content.decode()
    assert "We do not know the ZIP code 1234" in page
    assert "Rosa" in page and "Ana" in page  # the valid filters still apply


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "Mentors who meet by video or phone can help from anywhere, so the ZIP code does "
               "not limit them."),
        ("es", "Los mentores que se reúnen por video o por teléfono pueden ayudar desde cualquier "
               "lugar, así que el código postal no los limita."),
    ],
)  # fmt: skip
def test_mentors_who_meet_by_phone_asked_for_near_a_zip_code_are_found_anywhere(
    client, language, note
):
    MentorFactory(user__display_name="Tom", meeting_modes=["phone"], zip_code="")
    MentorFactory(user__display_name="Ana", meeting_modes=["phone"], zip_code="10001")  # New York
    MentorFactory(user__display_name="Rosa")  # Chicago, online and in person

    page = client.get(f"/{language}/mentoring/?mode=phone&zip=60629&radius=25").content.decode()
    assert "Tom" in page and "Ana" in page and "Rosa" not in page and note in page
    # In person, the ZIP code keeps what is near it: New York's leaves Rosa out.
    page = client.get(f"/{language}/mentoring/?mode=in_person&zip=10001&radius=25").content.decode()
    assert "Rosa" not in page and note not in page
    page = client.get(f"/{language}/mentoring/?mode=in_person&zip=60629&radius=25").content.decode()
    assert "Rosa" in page and note not in page


@pytest.mark.parametrize(("language", "away"), [("en", "mi away"), ("es", "millas")])
def test_only_a_mentor_who_meets_in_person_shows_a_distance(client, language, away):
    MentorFactory(user__display_name="Rosa")  # online and in person
    MentorFactory(user__display_name="Tom", meeting_modes=["online", "phone"])

    page = client.get(f"/{language}/mentoring/?zip=60629&radius=25").content.decode()

    cards = {name: card.split("</ul>")[0] for card in page.split('<li class="card ')[1:]
             for name in ("Rosa", "Tom") if f">{name}</a>" in card}  # fmt: skip
    assert re.search(rf"\d+ {away}", cards["Rosa"])
    assert away not in cards["Tom"]


def test_the_digest_tells_a_seeker_of_new_mentors_who_fit(django_capture_on_commit_callbacks):
    since, _until = digest_week(timezone.now())
    seeker = UserFactory(preferred_language="es")
    preferences_update(user_id=seeker.pk, weekly_digest=True)
    AskFactory(user=seeker)
    MentorFactory(user__display_name="Rosa", published_at=since + timedelta(days=1))
    MentorFactory(
        user__display_name="Tom", languages=["en"], published_at=since + timedelta(days=1)
    )
    MentorFactory(user__display_name="Vieja", published_at=since - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests()
    [body] = [message.body for message in mail.outbox if message.to == [seeker.email]]
    assert "1 mentor nuevo que corresponde a lo que pidió" in body
    assert "Rosa" in body and "Tom" not in body and "Vieja" not in body


def test_staff_see_applications_waiting_in_their_summary(django_capture_on_commit_callbacks):
    curator = CuratorFactory(preferred_language="es")
    ApplicationFactory(user__display_name="Marisol", submitted_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        send_staff_summaries()
    [email] = [message for message in mail.outbox if message.to == [curator.email]]
    assert "1 solicitud de mentoría esperando revisión" in email.body
    assert "Marisol" in email.body and "/es/review/mentors/" in email.body


def test_what_a_seeker_asked_for_is_exported_and_erased_with_them():
    ask = AskFactory(goal="Quiero ser electricista")
    exported = str(export(ask.user))
    assert "Quiero ser electricista" in exported
    erase(ask.user)
    assert not MentorshipAsk.objects.exists()
