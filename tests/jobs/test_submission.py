import re

import pytest
from django.core import mail

from apps.core.models import AuditEntry
from apps.jobs.models import Job, JobSearchEntry
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

SPANISH_ONLY = {
    "title_es": "Cocinero de línea", "title_en": "",
    "description_es": "Preparar platillos en la línea caliente.", "description_en": "",
    "category": "food", "employment_type": "full_time", "work_authorization": "open",
    "work_language": "spanish", "pay_min": "17", "pay_max": "19", "pay_unit": "hour",
    "schedule_notes_es": "", "schedule_notes_en": "", "workplace": "onsite",
    "city": "Chicago", "state": "IL", "zip_code": "60623",
    "requirements_es": "", "requirements_en": "", "benefits_es": "", "benefits_en": "",
    "apply_url": "", "apply_email": "empleos@example.org", "apply_in_person": "",
}  # fmt: skip


@pytest.fixture
def partner(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


def test_a_partner_posts_a_job_in_spanish_only_and_it_is_a_draft(client, partner):
    response = client.post(
        "/es/jobs/new/", {**SPANISH_ONLY, "organization": partner.organization.pk}
    )

    job = Job.objects.get()
    assert response["Location"] == f"/es/jobs/{job.pk}/manage/"
    assert job.status == "draft"
    assert job.created_by == partner.user
    assert job.missing_languages == ["en"]
    assert not JobSearchEntry.objects.exists()  # not searchable until published


def test_the_form_explains_problems_and_keeps_what_was_typed(client, partner):
    data = {**SPANISH_ONLY, "organization": partner.organization.pk, "description_es": "",
            "pay_min": "25", "zip_code": "00000", "apply_email": ""}  # fmt: skip
    response = client.post("/es/jobs/new/", data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Escriba el título y la descripción en al menos un idioma." in html
    assert "El pago más alto no puede ser menor que el más bajo." in html
    assert "No conocemos este código postal." in html
    assert "Diga cómo postularse" in html
    assert 'value="Cocinero de línea"' in html
    assert not Job.objects.exists()


def test_partners_can_only_post_for_their_own_organizations(client, partner):
    other = MembershipFactory().organization
    response = client.post("/es/jobs/new/", {**SPANISH_ONLY, "organization": other.pk})
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not Job.objects.exists()


def test_someone_without_an_organization_is_sent_to_register_one(client):
    client.force_login(UserFactory())
    response = client.get("/es/jobs/new/")
    assert response["Location"] == "/es/organizations/register/"


def test_from_draft_to_published_with_a_rejection_in_between(
    client, partner, django_capture_on_commit_callbacks
):
    client.post("/es/jobs/new/", {**SPANISH_ONLY, "organization": partner.organization.pk})
    job = Job.objects.get()
    manage = job.get_manage_url()

    client.post(manage, {"action": "submit"})
    job.refresh_from_db()
    assert job.status == "pending"
    assert client.get(f"/es/jobs/{job.pk}/edit/").status_code == 404  # not while in review

    curator = CuratorFactory()
    client.force_login(curator)
    queue = client.get("/es/jobs/review/")
    assert [j.pk for j in queue.context["jobs"]] == [job.pk]
    assert "Inglés" in queue.content.decode() or "inglés" in queue.content.decode()

    response = client.post(manage, {"action": "reject", "note": ""})
    assert response.status_code == 200  # a rejection needs a note
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage, {"action": "reject", "note": "Agregue el horario."})
    job.refresh_from_db()
    assert job.status == "rejected"

    client.force_login(partner.user)
    mine = client.get("/es/jobs/mine/").content.decode()
    assert "Agregue el horario." in mine and "Rechazado" in mine
    fixed = {**SPANISH_ONLY, "organization": partner.organization.pk, "schedule_notes_es": "L-V"}
    client.post(f"/es/jobs/{job.pk}/edit/", fixed)
    client.post(manage, {"action": "submit"})

    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage, {"action": "publish", "note": ""})
    job.refresh_from_db()
    assert job.status == "published"
    assert client.get("/es/jobs/?q=cocinero").context["jobs"][0] == job
    entry = JobSearchEntry.objects.get(job=job)
    assert entry.pay_per_hour == 19 and entry.latitude is not None
    assert "cociner" in entry.search_title
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "create", "submit", "reject", "edit", "submit", "publish",
    ]  # fmt: skip
    assert len(mail.outbox) == 2  # rejected, then published


def test_partners_cannot_publish_their_own_job(client, partner):
    job = JobFactory(organization=partner.organization, status="pending")
    response = client.post(job.get_manage_url(), {"action": "publish"})
    assert response.status_code == 403
    job.refresh_from_db()
    assert job.status == "pending"


def test_staff_can_edit_anything_and_set_the_expiry(client):
    job = JobFactory()
    client.force_login(CuratorFactory())
    response = client.post(
        f"/es/jobs/{job.pk}/edit/",
        {**SPANISH_ONLY, "organization": job.organization.pk, "expires_on": "2030-01-31"},
    )
    assert response.status_code == 302
    job.refresh_from_db()
    assert str(job.expires_on) == "2030-01-31"
    assert job.title_es == "Cocinero de línea"


def _input(html: str, name: str) -> str:
    return re.search(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html).group(0)


def test_each_field_points_at_its_help_and_its_errors(client, partner):
    data = {**SPANISH_ONLY, "organization": partner.organization.pk, "zip_code": "00000"}
    html = client.post("/es/jobs/new/", data).content.decode()

    zip_code = _input(html, "zip_code")
    assert 'aria-describedby="id_zip_code_errors id_zip_code_helptext"' in zip_code
    assert 'aria-invalid="true"' in zip_code
    errors = re.search(r'<ul[^>]*id="id_zip_code_errors"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert "No conocemos este código postal." in errors
    assert re.search(r'id="id_zip_code_helptext"[^>]*>Necesario para', html)
    assert 'aria-describedby="id_title_es_helptext"' in _input(html, "title_es")
    assert "aria-describedby" not in _input(html, "city")  # neither help nor errors
    assert 'value="Chicago"' in _input(html, "city")  # what was typed is kept


def test_the_review_note_points_at_its_error(client):
    job = JobFactory(status="pending")
    client.force_login(CuratorFactory())
    html = client.post(f"/es/jobs/{job.pk}/manage/", {"action": "reject"}).content.decode()
    assert 'aria-describedby="id_note_errors"' in _input(html, "note")
    assert re.search(
        r'id="id_note_errors"[^>]*>\s*<li>Escriba una nota: la leerán en el correo', html
    )
