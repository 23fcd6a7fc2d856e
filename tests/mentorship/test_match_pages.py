"""The match pages as people use them: asking a mentor, answering, messages (escaped, never
lost, never a 500), contact details only once active, feedback and reports, and bad input."""

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation

from apps.accounts.services import account_delete
from apps.core.models import AuditEntry
from apps.core.personal_data import export
from apps.mentorship import services
from apps.mentorship.models import Match, MatchMessage, MatchReport, MentorProfile
from apps.mentorship.summary import MatchesToWatch
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import AskFactory
from tests.mentorship.helpers import listed_mentor, send_due

pytestmark = pytest.mark.django_db


def names_with_rows(exported) -> dict:
    return {entry.name: rows for entry, rows in exported if rows}


HTML = '<script>alert("x")</script><b>hola</b> https://evil.example.org'


@pytest.fixture
def mentor():
    return listed_mentor(capacity=1)


@pytest.fixture
def seeker():
    return UserFactory(preferred_language="es", display_name="Lucía")


def test_a_seeker_asks_and_lands_on_the_match_page(client, mentor, seeker):
    client.force_login(seeker)
    page = client.get(f"/es/mentoring/{mentor.pk}/request/")
    assert "Pídale a Marcus que sea su mentor" in page.content.decode()
    response = client.post(f"/es/mentoring/{mentor.pk}/request/", {"goal": HTML})
    match = Match.objects.get()
    assert response["Location"] == f"/es/mentoring/matches/{match.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert "&lt;script&gt;" in body and "<script>alert" not in body
    assert '<a href="https://evil' not in body
    assert "Esperando respuesta" in body


def test_the_mentor_page_and_suggestions_link_to_asking_with_the_seekers_goal_filled_in(
    client, mentor, seeker
):
    AskFactory(user=seeker, goal="Quiero mi licencia de electricista", industry="trades")
    client.force_login(seeker)
    ask_url = f"/es/mentoring/{mentor.pk}/request/"
    for url in (f"/es/mentoring/{mentor.pk}/", "/es/mentoring/suggestions/"):
        assert f'<a class="button" href="{ask_url}">Pedir a este mentor</a>' in (
            client.get(url).content.decode()
        )
    form = client.get(ask_url).content.decode()
    assert ">\nQuiero mi licencia de electricista</textarea>" in form


def test_a_full_or_paused_mentor_says_why_and_keeps_the_text(client, seeker):
    full = listed_mentor(capacity=1, active_mentees=1)
    client.force_login(seeker)
    response = client.post(f"/es/mentoring/{full.pk}/request/", {"goal": "Mi meta"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "no tiene lugar para una persona nueva" in body
    assert "Mi meta" in body
    paused = listed_mentor(pause="self")
    body = client.get(f"/es/mentoring/{paused.pk}/request/").content.decode()
    assert "tomando un descanso" in body and 'name="goal"' not in body


def test_accepting_twice_says_so(client, mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    client.force_login(mentor.user)
    first = client.post(f"/en/mentoring/matches/{match.pk}/accept/")
    assert first.status_code == 302
    again = client.post(f"/en/mentoring/matches/{match.pk}/accept/", follow=True)
    assert again.status_code == 200
    assert "You have already accepted this match." in again.content.decode()


def test_contact_details_show_only_once_active(client, mentor, seeker):
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    services.match_contact_set(user=mentor.user, match=match, share_email=True, phone="")
    client.force_login(seeker)
    assert (
        mentor.user.email not in client.get(f"/es/mentoring/matches/{match.pk}/").content.decode()
    )
    services.match_accept(user=mentor.user, match=match)
    body = client.get(f"/es/mentoring/matches/{match.pk}/").content.decode()
    assert mentor.user.email in body
    response = client.post(f"/es/mentoring/matches/{match.pk}/contact/", {"phone": "<b>1</b>"})
    assert response.status_code == 200
    assert "Escriba un número de teléfono" in response.content.decode()


def test_a_megabyte_message_is_refused_with_the_text_kept_and_html_is_shown_as_text(
    client, mentor, seeker
):
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=seeker, mentor=mentor, goal="Ayuda"),
    )
    client.force_login(seeker)
    huge = "ñ" * 1_000_000
    response = client.post(f"/es/mentoring/matches/{match.pk}/messages/", {"body": huge})
    assert response.status_code == 200
    body = response.content.decode()
    assert "como máximo 5000 caracteres" in body
    assert huge in body  # nothing the person typed is lost
    assert not MatchMessage.objects.exists()

    client.post(f"/es/mentoring/matches/{match.pk}/messages/", {"body": HTML})
    client.force_login(mentor.user)
    body = client.get(f"/en/mentoring/matches/{match.pk}/").content.decode()
    assert "&lt;script&gt;alert" in body and "<b>hola</b>" not in body
    assert 'href="https://evil' not in body
    assert MatchMessage.objects.get().read_at is not None  # the mentor opened the thread


def test_ending_and_feedback_from_the_page(client, mentor, seeker):
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=seeker, mentor=mentor, goal="Ayuda"),
    )
    client.force_login(seeker)
    empty = client.post(f"/es/mentoring/matches/{match.pk}/cancel/", {"reason": ""})
    assert "Dé un motivo breve" in empty.content.decode()
    client.post(f"/es/mentoring/matches/{match.pk}/complete/")
    match.refresh_from_db()
    assert match.status == "completed"
    no_rating = client.post(f"/es/mentoring/matches/{match.pk}/feedback/", {"comment": HTML})
    assert "Elija una calificación" in no_rating.content.decode()
    assert "&lt;script&gt;" in no_rating.content.decode()
    client.post(f"/es/mentoring/matches/{match.pk}/feedback/", {"rating": "5", "comment": HTML})
    body = client.get(f"/es/mentoring/matches/{match.pk}/").content.decode()
    assert "¿Cómo le fue?" not in body and "Pedírselo de nuevo a este mentor" in body
    # An ended match plans no next session: its page links to the sessions it had.
    assert "Próxima sesión" not in body and "Ver las sesiones" in body

    curator = CuratorFactory()
    client.force_login(curator)
    summary = client.get("/en/mentoring/feedback/").content.decode()
    assert "Mentees' average: 5.0 of 5, from 1 rating." in summary
    assert "1 match completed." in summary
    in_spanish = client.get("/es/mentoring/feedback/").content.decode()
    assert "con 1 calificación." in in_spanish and "1 mentoría completada." in in_spanish
    assert "&lt;script&gt;" in summary and "<script>alert" not in summary


def test_a_report_reaches_staff_who_pause_the_match_and_resolve_it(client, mentor, seeker):
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=seeker, mentor=mentor, goal="Ayuda"),
    )
    client.force_login(seeker)
    client.post(f"/es/mentoring/matches/{match.pk}/report/",
                {"reason": "status", "details": HTML})  # fmt: skip
    again = client.post(f"/es/mentoring/matches/{match.pk}/report/",
                        {"reason": "other"}, follow=True)  # fmt: skip
    assert "Ya denunció esta mentoría" in again.content.decode()
    report = MatchReport.objects.get()
    send_due()
    assert all(m.to != [mentor.user.email] or "denuncia" not in m.body for m in mail.outbox)

    client.force_login(CuratorFactory())
    page = client.get(f"/es/mentoring/reports/{report.pk}/").content.decode()
    assert "&lt;script&gt;" in page
    handled = {"pause_match": "on", "pause_mentor": "on", "resolve": "on", "note": "Hablamos"}
    client.post(f"/es/mentoring/reports/{report.pk}/", handled)
    report.refresh_from_db()
    match.refresh_from_db()
    mentor.refresh_from_db()
    assert report.resolved_at and match.paused_at and mentor.pause == "staff"


def reported_by_the_mentee(mentor, seeker) -> MatchReport:
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=seeker, mentor=mentor, goal="Ayuda"),
    )
    return services.match_report(user=seeker, match=match, who="x", reason="money",
                                 details="Me pidió $200 por adelantado")  # fmt: skip


def staff_see(client, report) -> tuple[str, str, str]:
    """The reports list, the report's page (in English) and the staff summary part."""
    client.force_login(CuratorFactory())
    listing = client.get("/en/mentoring/reports/").content.decode()
    page = client.get(f"/en/mentoring/reports/{report.pk}/").content.decode()
    part = MatchesToWatch().collect()
    assert part is not None and part.reports == 1
    with translation.override("en"):
        return listing, page, render_to_string(part.template, {"part": part.context})


def test_a_conduct_report_outlives_the_reported_mentors_account(client, mentor, seeker):
    report = reported_by_the_mentee(mentor, seeker)
    assert "mentorship_reports" not in names_with_rows(export(mentor.user))
    assert names_with_rows(export(seeker))["mentorship_reports"][0]["details"].startswith("Me")
    send_due()
    mail.outbox.clear()

    account_delete(user=mentor.user)

    report.refresh_from_db()
    assert (report.match, report.reported, report.reporter) == (None, None, seeker)
    assert report.details == "Me pidió $200 por adelantado"
    listing, page, summary = staff_see(client, report)
    assert "deleted account (mentor)" in listing and "Lucía (mentee)" in listing
    assert "Me pidió $200 por adelantado" in page and "deleted account (mentor)" in page
    assert 'name="pause_mentor"' not in page and 'name="pause_match"' not in page
    assert "Asks for money or payment · deleted account" in summary
    # The mentee is still told their match ended.
    send_due()
    [told] = mail.outbox
    assert told.to == [seeker.email] and told.subject == "Su mentoría ha terminado"
    # Staff can still resolve it.
    client.post(f"/en/mentoring/reports/{report.pk}/", {"resolve": "on", "note": "Gone"})
    report.refresh_from_db()
    assert report.resolved_at is not None and report.resolution == "Gone"


def test_a_conduct_report_outlives_the_reporters_account_and_the_mentor_can_be_paused(
    client, mentor, seeker
):
    report = reported_by_the_mentee(mentor, seeker)

    account_delete(user=seeker)

    report.refresh_from_db()
    assert (report.match, report.reporter, report.reported) == (None, None, mentor.user)
    listing, page, summary = staff_see(client, report)
    assert "deleted account (mentee)" in listing and "Marcus (mentor)" in listing
    assert "Me pidió $200 por adelantado" in page and 'name="pause_match"' not in page
    assert "Asks for money or payment · Marcus" in summary
    handled = {"pause_mentor": "on", "resolve": "on", "note": "Paused"}
    client.post(f"/en/mentoring/reports/{report.pk}/", handled)
    mentor.refresh_from_db()
    assert mentor.pause == "staff" and not MentorProfile.objects.listed().filter(pk=mentor.pk)


def test_staff_reading_a_reported_match_is_on_the_record(client, mentor, seeker):
    match = services.match_accept(
        user=mentor.user,
        match=services.match_request(user=seeker, mentor=mentor, goal="Ayuda"),
    )
    services.match_message_send(user=mentor.user, match=match, body="¿Tienes papeles?")
    services.match_report(user=seeker, match=match, who="x", reason="status", details="")
    curator = CuratorFactory()
    client.force_login(curator)
    body = client.get(f"/es/mentoring/matches/{match.pk}/").content.decode()
    assert "¿Tienes papeles?" in body and 'name="body"' not in body  # read, never write
    assert AuditEntry.objects.filter(actor_id=curator.pk, action="match read by staff").exists()
    assert MatchMessage.objects.get().read_at is None  # staff reading is not the mentee's


def test_a_mentor_paused_by_staff_cannot_start_a_match(client, seeker):
    mentor = listed_mentor(capacity=2)
    match = services.match_request(user=seeker, mentor=mentor, goal="Ayuda")
    MentorProfile.objects.filter(pk=mentor.pk).update(pause="staff")
    client.force_login(mentor.user)
    response = client.post(f"/en/mentoring/matches/{match.pk}/accept/")
    assert response.status_code == 200
    assert "Staff have paused this mentor profile" in response.content.decode()
    match.refresh_from_db()
    assert match.status == "requested"


def test_staff_propose_by_the_mentors_number_and_an_unknown_one_is_explained(client, seeker):
    mentor = listed_mentor(capacity=1)
    full = listed_mentor(capacity=1, active_mentees=1)
    client.force_login(CuratorFactory())
    data = {"mentor": str(full.pk), "mentee_email": seeker.email, "goal": "<i>Oficio</i>"}
    refused = client.post("/es/mentoring/matches/propose/", data)
    assert "Ningún mentor de la lista tiene este número." in refused.content.decode()
    assert "&lt;i&gt;Oficio&lt;/i&gt;" in refused.content.decode()
    client.post("/es/mentoring/matches/propose/", {**data, "mentor": str(mentor.pk)})
    match = Match.objects.get()
    assert match.status == "proposed" and match.mentee == seeker
