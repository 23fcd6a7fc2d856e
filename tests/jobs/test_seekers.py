from datetime import timedelta

import pytest
from django.utils import timezone

from apps.jobs.models import JobReport, SavedJob
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_a_seeker_saves_a_job_and_finds_it_in_saved_jobs(client):
    job = JobFactory(title_es="Jardinero")
    client.force_login(UserFactory())

    response = client.post(f"/es/jobs/{job.pk}/save/")
    assert response["Location"] == f"/es/jobs/{job.pk}/"
    client.post(f"/es/jobs/{job.pk}/save/")  # twice is still once
    assert SavedJob.objects.count() == 1

    html = client.get("/es/jobs/saved/").content.decode()
    assert "Jardinero" in html
    assert "Guardado · quitar" in client.get(job.get_absolute_url()).content.decode()


def test_expired_saved_jobs_say_so(client):
    user = UserFactory()
    job = JobFactory(title_es="Pintor", expires_on=timezone.localdate() - timedelta(days=2))
    SavedJob.objects.create(user=user, job=job)
    client.force_login(user)

    html = client.get("/es/jobs/saved/").content.decode()
    assert "Pintor" in html
    assert "Ya no está disponible" in html
    assert job.get_absolute_url() not in html  # no link to a page that would be a 404


def test_saving_needs_an_account(client):
    job = JobFactory()
    response = client.post(f"/es/jobs/{job.pk}/save/")
    assert response["Location"].startswith("/es/accounts/login/")
    assert (
        "Inicie sesión para guardar este empleo"
        in client.get(job.get_absolute_url()).content.decode()
    )


def test_other_peoples_saved_jobs_cannot_be_removed(client):
    saved = SavedJob.objects.create(user=UserFactory(), job=JobFactory())
    client.force_login(UserFactory())
    assert client.post(f"/es/jobs/saved/{saved.pk}/remove/").status_code == 404
    assert SavedJob.objects.filter(pk=saved.pk).exists()


def test_anyone_can_report_a_job_and_only_staff_see_it(client):
    job = JobFactory()
    response = client.post(
        f"/es/jobs/{job.pk}/report/",
        {"reason": "documents", "details": "Pide el SSN por teléfono."},
    )
    assert response.status_code == 302
    report = JobReport.objects.get()
    assert (report.reason, report.reporter) == ("documents", None)

    public = client.get(job.get_absolute_url()).content.decode()
    assert "Pide el SSN por teléfono." not in public

    client.force_login(CuratorFactory())
    queue = client.get("/es/jobs/review/").content.decode()
    assert "1 denuncia para revisar primero" in queue
    assert "Pide el SSN por teléfono." in client.get("/es/jobs/reports/").content.decode()


def test_one_person_cannot_flood_staff_with_reports(client):
    jobs = JobFactory.create_batch(7)
    client.force_login(UserFactory())
    client.post(f"/es/jobs/{jobs[0].pk}/report/", {"reason": "scam"})
    response = client.post(f"/es/jobs/{jobs[0].pk}/report/", {"reason": "scam"}, follow=True)
    assert "Ya denunció este empleo" in response.content.decode()
    for job in jobs[1:]:
        client.post(f"/es/jobs/{job.pk}/report/", {"reason": "other"})
    assert JobReport.objects.count() == 5  # one per job, and at most five an hour


def test_signed_out_reporters_are_limited_by_address_without_storing_it(client):
    job = JobFactory()
    client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam"}, REMOTE_ADDR="203.0.113.9")
    client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam"}, REMOTE_ADDR="203.0.113.9")
    client.post(f"/es/jobs/{job.pk}/report/", {"reason": "scam"}, REMOTE_ADDR="198.51.100.7")
    assert JobReport.objects.count() == 2


def test_a_report_without_a_reason_is_explained(client):
    job = JobFactory()
    response = client.post(f"/es/jobs/{job.pk}/report/", {"reason": ""}, follow=True)
    assert "Elija qué está mal en el empleo para denunciarlo." in response.content.decode()
    assert not JobReport.objects.exists()


def test_curators_mark_reports_handled(client):
    report = JobReport.objects.create(job=JobFactory(), reason="scam")
    curator = CuratorFactory()
    client.force_login(curator)
    client.post("/es/jobs/reports/", {"report": report.pk})
    report.refresh_from_db()
    assert report.resolved_by == curator
