"""My Camino: one page with everything a signed-in person has, a section per app as each
registered it (apps.core.registry.personal_sections): their plan, saved jobs and searches and
reports, event registrations, mentoring, legal help reports. A section with nothing says
where to start; the page runs a fixed number of queries however much a person has."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.core.registry import personal_sections
from apps.events.models import Registration
from apps.jobs.models import JobReport, SavedJob, SavedSearch
from apps.legal.models import ProviderReport
from apps.mentorship.models import Match
from apps.mentorship.services import match_accept, match_propose, match_request
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.certifications.factories import PlanStepFactory
from tests.events.factories import EventFactory, in_days
from tests.jobs.factories import JobFactory
from tests.legal.factories import ProviderFactory
from tests.mentorship.factories import MentorFactory

pytestmark = pytest.mark.django_db

URL = "/es/my-camino/"


@pytest.fixture
def person(client):
    user = UserFactory()
    client.force_login(user)
    return user


def give(person, count: int, offset: int = 0) -> None:
    """`count` more of everything My Camino shows, for this person."""
    PlanStepFactory.create_batch(count, user=person, target_date=timezone.localdate())
    PlanStepFactory.create_batch(count, user=person, done=True)
    for n in range(count):
        job = JobFactory()
        SavedJob.objects.create(user=person, job=job)
        SavedSearch.objects.create(  # a person saves the same filters once
            user=person, name=f"Búsqueda {offset + n}", query=f"q=x{offset + n}"
        )
        JobReport.objects.create(job=job, reporter=person, reason="scam")
        event = EventFactory(starts_at=in_days(3 + n), ends_at=in_days(3 + n) + timedelta(hours=2))
        Registration.objects.create(event=event, user=person, status="registered",
                                    code=f"C{offset + n:05d}")  # fmt: skip
        Match.objects.create(mentor=MentorFactory(), mentee=person, status="requested")
        ProviderReport.objects.create(provider=ProviderFactory(), reporter=person,
                                      reason="closed")  # fmt: skip


def test_every_app_has_its_section_in_registration_order():
    assert personal_sections.keys() == ["jobs", "events", "mentorship", "legal", "plan"]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response["Location"] == f"/es/accounts/login/?next={URL}"


def test_an_empty_page_says_where_to_start_in_each_section(client, person):
    page = client.get(URL).content.decode()
    for text in ("Empezar mi plan", "Buscar empleos", "Buscar un evento",
                 "Buscar un mentor", "Encontrar ayuda legal gratuita"):  # fmt: skip
        assert text in page
    assert 'href="/es/careers/plan/"' in page


def test_each_section_shows_what_the_person_has_and_links_to_all_of_it(client, person):
    step = PlanStepFactory(user=person, title="Sacar la tarjeta OSHA 10",
                           target_date=timezone.localdate() - timedelta(days=2))  # fmt: skip
    PlanStepFactory(user=person, title="Ya hecho", done=True)
    job = JobFactory(title_es="Pintor de casas")
    SavedJob.objects.create(user=person, job=job)
    SavedSearch.objects.create(user=person, name="Pintura en Chicago", query="q=pintor")
    JobReport.objects.create(job=JobFactory(title_es="Trabajo dudoso"), reporter=person,
                             reason="scam")  # fmt: skip
    event = EventFactory(title_es="Feria de empleo")
    Registration.objects.create(event=event, user=person, status="registered", code="ACDEFG")
    mentor = MentorFactory(user=UserFactory(display_name="Lupe"))
    Match.objects.create(mentor=mentor, mentee=person, status="active")
    ProviderReport.objects.create(provider=ProviderFactory(organization__name="Notaría Falsa"),
                                  reporter=person, reason="fraud")  # fmt: skip

    page = client.get(URL).content.decode()

    assert step.title in page and "1 paso por hacer; hechos: 1." in page
    assert "1 ya pasó su fecha meta." in page and "Vencido" in page
    assert "Ya hecho" not in page  # next steps are the ones still to do
    assert "Pintor de casas" in page and 'href="/es/jobs/saved/"' in page
    assert "Pintura en Chicago" in page and 'href="/es/jobs/searches/"' in page
    assert "Trabajo dudoso" in page and "esperando al personal" in page
    assert "Feria de empleo" in page and 'href="/es/events/registered/"' in page
    assert "Su mentor: Lupe" in page
    assert "Notaría Falsa" in page
    for invitation in ("Empezar mi plan", "Buscar un evento", "Buscar un mentor"):
        assert invitation not in page


def test_only_the_persons_own_things_are_shown(client, person):
    give(UserFactory(), 2)
    page = client.get(URL).content.decode()
    assert "Búsqueda" not in page and "Empezar mi plan" in page


def test_past_and_cancelled_registrations_are_not_upcoming(client, person):
    past = EventFactory(title_es="Taller pasado", starts_at=in_days(-3),
                        ends_at=in_days(-3) + timedelta(hours=2))  # fmt: skip
    Registration.objects.create(event=past, user=person, status="registered", code="PAST01")
    cancelled = EventFactory(title_es="Cancelado por mí")
    Registration.objects.create(event=cancelled, user=person, status="cancelled", code="CANC01")
    page = client.get(URL).content.decode()
    assert "Taller pasado" not in page and "Cancelado por mí" not in page
    assert "Buscar un evento" in page


def test_the_page_runs_a_fixed_number_of_queries(client, person, assert_query_count):
    given = {"rows": 0}

    def grow(count: int) -> None:
        give(person, count, offset=given["rows"])
        given["rows"] += count

    # session, person; jobs 6, events 2, mentorship 1, legal 2, plan 2
    assert_query_count(URL, 15, grow)


def test_the_navigation_offers_my_camino_to_people_signed_in(client, person):
    assert 'href="/es/my-camino/">Mi Camino</a>' in client.get("/es/").content.decode()
    client.logout()
    assert "/es/my-camino/" not in client.get("/es/").content.decode()


MENTORING = {
    "es": {
        "proposed": "Le proponen a Sam como mentor",
        "answer": "Aceptar o rechazar",
        "requested": "Usted le pidió a Sam que sea su mentor",
        "active": "Su mentor: Sam",
        "open": "Abrir la mentoría",
        "asks": "María le pide que sea su mentor",
        "badge": "Propuesta por el personal",
    },
    "en": {
        "proposed": "Sam is proposed as your mentor",
        "answer": "Accept or decline",
        "requested": "You asked Sam to be your mentor",
        "active": "Your mentor: Sam",
        "open": "Open the match",
        "asks": "María asks you to be their mentor",
        "badge": "Proposed by staff",
    },
}


def mentoring_section(client, language: str) -> str:
    page = client.get(f"/{language}/my-camino/").content.decode()
    return page.split('id="my-mentorship"')[1].split("</section>")[0]


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_mentor_proposed_to_the_seeker_waits_for_their_answer(client, language):
    # Staff proposed Sam to María: he is not her mentor until she accepts, on the match page.
    maria = UserFactory(display_name="María")
    sam = MentorFactory(user=UserFactory(display_name="Sam"))
    match = match_propose(actor=CuratorFactory(), mentor=sam, mentee=maria, goal="Ayuda")
    words = MENTORING[language]
    client.force_login(maria)

    section = mentoring_section(client, language)
    assert words["proposed"] in section and words["active"] not in section
    assert f'<a href="/{language}/mentoring/matches/{match.pk}/">{words["answer"]}</a>' in section

    match_accept(user=maria, match=match)  # now it waits for Sam
    section = mentoring_section(client, language)
    assert words["proposed"] in section and words["badge"] in section
    assert words["answer"] not in section and words["active"] not in section

    match_accept(user=sam.user, match=match)
    section = mentoring_section(client, language)
    assert words["active"] in section and words["open"] in section
    assert words["proposed"] not in section and words["answer"] not in section


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_request_is_not_a_mentor_yet_and_waits_for_the_mentors_answer(client, language):
    maria = UserFactory(display_name="María")
    sam = MentorFactory(user=UserFactory(display_name="Sam"))
    match = match_request(user=maria, mentor=sam, goal="Ayuda")
    words = MENTORING[language]

    client.force_login(maria)
    section = mentoring_section(client, language)
    assert words["requested"] in section
    assert words["active"] not in section and words["answer"] not in section

    client.force_login(sam.user)
    section = mentoring_section(client, language)
    assert words["asks"] in section
    assert f'<a href="/{language}/mentoring/matches/{match.pk}/">{words["answer"]}</a>' in section
