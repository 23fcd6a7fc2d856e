"""Becoming a mentor: applying in either language with the code of conduct, staff vetting
through the shared review workflow with an email in the applicant's language, fixing and
sending again, pausing and resuming, and bad input answered with translated messages."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from apps.core.models import AuditEntry, PublicationStatus
from apps.mentorship.models import MentorProfile, MentorSearchEntry
from apps.mentorship.services import MentorStateError, mentor_pause, mentor_resume
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.mentorship.factories import ApplicationFactory, MentorFactory

pytestmark = pytest.mark.django_db
S = PublicationStatus

APPLICATION = {
    "headline_en": "Licensed electrician, 12 years",
    "helps_with_en": "Getting your license and your first jobs.",
    "story_en": "I came at 15.",
    "occupations_en": "electrician",
    "skills_en": "licensing, OSHA 10",
    "industries": ["trades"],
    "languages": ["es", "en"],
    "meeting_modes": ["online"],
    "hours_per_month": "4",
    "capacity": "2",
}


def apply(client, language="en", **changes):
    data = {**APPLICATION, "agree": "on", "submit": "1", **changes}
    return client.post(f"/{language}/mentoring/apply/", {k: v for k, v in data.items() if v})


def test_a_person_applies_agrees_and_sends_it_for_review(client):
    person = UserFactory(preferred_language="en")
    client.force_login(person)
    response = apply(client)
    profile = MentorProfile.objects.get(user=person)
    assert response.status_code == 302 and response["Location"] == profile.get_manage_url()
    assert profile.status == S.PENDING and profile.conduct_agreed_at is not None
    assert profile.headline_en == "Licensed electrician, 12 years" and profile.capacity == 2
    actions = set(AuditEntry.objects.filter(object_id=profile.pk).values_list("action", flat=True))
    assert actions == {"create", "agree to conduct", "submit"}
    assert not MentorSearchEntry.objects.exists()  # not listed before staff approve


def test_no_application_is_sent_without_agreeing_and_nothing_typed_is_lost(client):
    client.force_login(UserFactory())
    response = apply(client, language="es", agree="")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Para enviar su solicitud, acepte el código de conducta." in page
    assert "Licensed electrician, 12 years" in page
    assert not MentorProfile.objects.exists()


def test_a_draft_may_be_saved_without_agreeing_and_is_not_sent(client):
    person = UserFactory()
    client.force_login(person)
    data = {**APPLICATION, "draft": "1"}
    assert client.post("/es/mentoring/apply/", data).status_code == 302
    profile = MentorProfile.objects.get(user=person)
    assert profile.status == S.DRAFT and profile.conduct_agreed_at is None


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"capacity": "0"}, "Asegúrese de que este valor es mayor o igual a 1."),
        ({"capacity": "1000"}, "Asegúrese de que este valor es menor o igual a 10."),
        ({"hours_per_month": "500"}, "Asegúrese de que este valor es menor o igual a 80."),
        ({"meeting_modes": ["in_person"], "zip_code": "6062"}, "código postal (ZIP) de 5 dígitos"),
        ({"meeting_modes": ["in_person"]}, "Para reunirse en persona, indique el código postal"),
        ({"headline_en": ""}, "Escriba un titular en español o en inglés."),
        ({"languages": []}, "Este campo es obligatorio."),
    ],
)
def test_bad_input_is_explained_in_the_readers_language(client, changes, field_error):
    client.force_login(UserFactory())
    response = apply(client, language="es", **changes)
    assert response.status_code == 200
    page = response.content.decode()
    assert field_error in page
    assert "I came at 15." in page  # what they typed is still there
    assert not MentorProfile.objects.exists()


def test_html_in_every_text_field_is_shown_as_text(client):
    person = UserFactory()
    client.force_login(person)
    tag = "<script>alert(1)</script>"
    texts = {name: f"{tag} {name}" for name in APPLICATION if name.endswith("_en")}
    texts["headline_en"] = f"<b>{tag}</b>"[:120]
    assert apply(client, **texts, own_path_en=f"{tag} path").status_code == 302
    profile = MentorProfile.objects.get(user=person)
    curator = CuratorFactory()
    client.force_login(curator)
    client.post(profile.get_manage_url(), {"action": "publish"})
    for url in (f"/en/mentoring/{profile.pk}/", profile.get_manage_url(), "/en/mentoring/"):
        page = client.get(url).content.decode()
        assert tag not in page and "&lt;script&gt;" in page, url


@pytest.fixture
def application():
    return ApplicationFactory(user__preferred_language="en")


def test_staff_approve_and_the_applicant_hears_in_their_language(
    client, application, django_capture_on_commit_callbacks
):
    client.force_login(CuratorFactory(preferred_language="es"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(application.get_manage_url(), {"action": "publish"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == S.PUBLISHED and application.is_listed
    assert MentorSearchEntry.objects.filter(pk=application.pk).exists()
    (message,) = mail.outbox
    assert message.to == [application.user.email]
    assert message.subject == "You are now a Camino mentor"
    assert f"/en/mentoring/{application.pk}/manage/" in message.body


def test_asking_for_changes_needs_a_note_then_the_applicant_fixes_and_resends(
    client, application, django_capture_on_commit_callbacks
):
    curator = CuratorFactory()
    client.force_login(curator)
    manage = f"/en/mentoring/{application.pk}/manage/"
    response = client.post(manage, {"action": "reject", "note": ""})
    assert response.status_code == 200
    assert "Write a note: they will read it in the email." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(application.get_manage_url(), {"action": "reject", "note": "Add your story."})
    application.refresh_from_db()
    assert application.status == S.REJECTED
    (message,) = mail.outbox
    assert message.subject == "Your application to mentor needs a few changes"
    assert "Add your story." in message.body

    client.force_login(application.user)
    page = client.get("/en/mentoring/apply/").content.decode()
    assert "Add your story." in page
    assert apply(client, story_en="I came at 15 and studied at night.").status_code == 302
    application.refresh_from_db()
    assert application.status == S.PENDING and application.story_en.endswith("at night.")


def test_staff_decline_with_a_note_and_the_applicant_is_told(
    client, application, django_capture_on_commit_callbacks
):
    client.force_login(CuratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(application.get_manage_url(), {"action": "refuse", "note": "Not a fit."})
    application.refresh_from_db()
    assert application.status == S.ARCHIVED
    assert mail.outbox[0].subject == "About your application to mentor on Camino"
    assert AuditEntry.objects.filter(action="refuse", note="Not a fit.").exists()


def test_listing_actions_are_not_offered_for_mentors(client, application):
    client.force_login(CuratorFactory())
    page = client.get(application.get_manage_url()).content.decode()
    assert 'value="publish"' in page and 'value="reject"' in page and 'value="refuse"' in page
    assert 'value="take_down"' not in page and 'value="archive"' not in page
    response = client.post(application.get_manage_url(), {"action": "archive"})
    application.refresh_from_db()
    assert response.status_code == 302 and application.status == S.PENDING


def test_the_applicant_cannot_approve_themselves(client, application):
    client.force_login(application.user)
    response = client.post(application.get_manage_url(), {"action": "publish"})
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == S.PENDING


def test_a_mentor_pauses_and_resumes_themselves():
    mentor = MentorFactory()
    mentor = mentor_pause(actor=mentor.user, profile=mentor)
    assert not MentorProfile.objects.listed().filter(pk=mentor.pk).exists()
    assert not MentorSearchEntry.objects.filter(pk=mentor.pk).exists()
    mentor = mentor_resume(actor=mentor.user, profile=mentor)
    assert MentorProfile.objects.listed().filter(pk=mentor.pk).exists()
    assert MentorSearchEntry.objects.filter(pk=mentor.pk).exists()
    entries = AuditEntry.objects.filter(object_id=mentor.pk).order_by("id")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["pause", "resume"]


def test_a_staff_pause_is_lifted_by_staff_only(client):
    mentor, curator = MentorFactory(), CuratorFactory()
    mentor_pause(actor=curator, profile=mentor, note="Report under review")
    with pytest.raises(PermissionDenied):
        mentor_resume(actor=mentor.user, profile=mentor)
    client.force_login(mentor.user)
    page = client.get(f"/es/mentoring/{mentor.pk}/manage/").content.decode()
    assert "Nuestro equipo pausó este perfil." in page
    assert f"/mentoring/{mentor.pk}/resume/" not in page
    mentor_resume(actor=curator, profile=mentor)
    assert MentorProfile.objects.listed().filter(pk=mentor.pk).exists()


def test_pausing_twice_or_resuming_a_listed_mentor_is_refused_with_a_message(client):
    mentor = MentorFactory()
    mentor_pause(actor=mentor.user, profile=mentor)
    with pytest.raises(MentorStateError):
        mentor_pause(actor=mentor.user, profile=mentor)
    client.force_login(mentor.user)
    client.post(f"/es/mentoring/{mentor.pk}/resume/")
    response = client.post(f"/es/mentoring/{mentor.pk}/resume/", follow=True)
    assert "Eso ya no es posible" in response.content.decode()


def test_a_paused_retired_or_full_mentor_has_no_public_page(client):
    paused = MentorFactory(pause="self")
    full = MentorFactory(capacity=1, active_mentees=1)
    retired = MentorFactory(status="archived")
    for mentor in (paused, full, retired):
        assert client.get(f"/es/mentoring/{mentor.pk}/").status_code == 404


def test_the_public_page_never_shows_an_email(client):
    mentor = MentorFactory(user__display_name="")
    page = client.get(f"/en/mentoring/{mentor.pk}/").content.decode()
    assert mentor.user.email not in page and mentor.user.email.split("@")[0] not in page
    assert "A Camino mentor" in page


def test_a_draft_is_not_sent_for_review_from_its_page_before_agreeing(client):
    person = UserFactory()
    client.force_login(person)
    client.post("/es/mentoring/apply/", {**APPLICATION, "draft": "1"})
    profile = MentorProfile.objects.get(user=person)
    page = client.get(f"/es/mentoring/{profile.pk}/manage/").content.decode()
    assert 'value="submit"' not in page
    client.post(f"/es/mentoring/{profile.pk}/manage/", {"action": "submit"})
    profile.refresh_from_db()
    assert profile.status == S.DRAFT


def test_staff_who_edit_an_application_do_not_agree_for_the_person(client):
    draft = ApplicationFactory(status="draft", conduct_agreed_at=None)
    client.force_login(CuratorFactory())
    data = {**APPLICATION, "agree": "on", "submit": "1"}
    assert client.post(f"/es/mentoring/{draft.pk}/edit/", data).status_code == 302
    draft.refresh_from_db()
    assert draft.conduct_agreed_at is None and draft.status == S.DRAFT


def test_cores_generic_pages_do_not_write_mentors(client):
    client.force_login(UserFactory())
    assert client.get("/es/new/mentors/").status_code == 404
    application = ApplicationFactory(status="rejected")
    client.force_login(application.user)
    assert client.get(f"/es/manage/mentors/{application.pk}/edit/").status_code == 404
