import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import InvalidTransition
from apps.jobs.models import Job, JobReport, JobSearchEntry
from apps.jobs.services import job_renew
from apps.jobs.tasks import expire_jobs
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory
from tests.jobs.test_submission import SPANISH_ONLY
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
today = timezone.localdate
S = PublicationStatus


def test_jobs_past_their_date_expire_and_the_submitter_is_told(django_capture_on_commit_callbacks):
    submitter = UserFactory(preferred_language="en")
    old = JobFactory(
        title_en="Old job", created_by=submitter, expires_on=today() - timedelta(days=1)
    )
    current = JobFactory(expires_on=today() + timedelta(days=20))

    with django_capture_on_commit_callbacks(execute=True):
        expire_jobs()

    old.refresh_from_db()
    current.refresh_from_db()
    assert (old.status, current.status) == ("expired", "published")
    assert [m.subject for m in mail.outbox] == ["No longer listed on Camino: Old job"]


def test_submitters_are_warned_once_before_expiry_with_a_renewal_link(
    django_capture_on_commit_callbacks,
):
    submitter = UserFactory(preferred_language="es")
    job = JobFactory(
        title_es="Cocinero", created_by=submitter, expires_on=today() + timedelta(days=2)
    )
    JobFactory(created_by=submitter, expires_on=today() + timedelta(days=10))

    with django_capture_on_commit_callbacks(execute=True):
        expire_jobs()
        expire_jobs()  # a second run the same day sends nothing more

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [submitter.email]
    assert message.subject.startswith('Su empleo publicado "Cocinero" termina el')
    assert f"http://127.0.0.1:8000/es/jobs/{job.pk}/renew/" in message.body


def test_renewing_without_changes_keeps_it_listed(client):
    membership = MembershipFactory()
    job = JobFactory(organization=membership.organization, status="expired", **_as_submitted())
    client.force_login(membership.user)

    client.post(job.get_renew_url(), {**SPANISH_ONLY, "organization": job.organization.pk})

    job.refresh_from_db()
    assert job.status == "published"
    assert job.expires_on == today() + timedelta(days=45)


def test_renewing_with_changes_goes_back_to_review(client):
    membership = MembershipFactory()
    job = JobFactory(organization=membership.organization, **_as_submitted())
    client.force_login(membership.user)

    client.post(
        job.get_renew_url(),
        {**SPANISH_ONLY, "organization": job.organization.pk, "pay_max": "21"},
    )

    job.refresh_from_db()
    assert job.status == "pending"
    assert job.pay_max == 21


def test_only_the_organization_renews(client):
    job = JobFactory()
    client.force_login(UserFactory())
    assert client.get(job.get_renew_url()).status_code == 404


def _as_submitted() -> dict:
    """A job whose fields are exactly the partner form's SPANISH_ONLY data."""
    skip = {"pay_min", "pay_max"}
    fields = {k: v or "" for k, v in SPANISH_ONLY.items() if k not in skip}
    return {**fields, "pay_min": 17, "pay_max": 19}


@pytest.fixture
def partner(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    return membership


def _renew(client, job, follow=False, **changes):
    data = {**SPANISH_ONLY, "organization": job.organization.pk, **changes}
    return client.post(job.get_renew_url(), data, follow=follow)


def test_a_job_expired_by_date_is_renewed_by_its_organization_and_audited(client, partner):
    job = JobFactory(
        organization=partner.organization, created_by=partner.user,
        expires_on=today() - timedelta(days=1), **_as_submitted(),
    )  # fmt: skip
    expire_jobs()  # the system expires it: nobody took it down

    response = _renew(client, job)

    job.refresh_from_db()
    assert response["Location"] == job.get_manage_url()
    assert job.status == S.PUBLISHED
    assert job.expires_on == today() + timedelta(days=45)
    assert JobSearchEntry.objects.filter(job=job, expires_on=job.expires_on).exists()
    entry = AuditEntry.objects.filter(object_id=job.pk).first()  # newest first
    assert (entry.action, entry.actor) == ("renew", partner.user)


def test_a_job_staff_took_down_stays_down(client, partner, django_capture_on_commit_callbacks):
    job = JobFactory(organization=partner.organization, created_by=partner.user, **_as_submitted())
    client.force_login(CuratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(job.get_manage_url(), {"action": "take_down", "note": "Pide dinero."})
    job.refresh_from_db()
    assert job.status == S.TAKEN_DOWN
    assert not JobSearchEntry.objects.filter(job=job).exists()
    assert [m.subject for m in mail.outbox] == ["Retirado de Camino: Cocinero de línea"]
    assert "Pide dinero." in mail.outbox[0].body

    client.force_login(partner.user)
    manage = client.get(job.get_manage_url())
    assert "Pide dinero." in manage.content.decode()  # the organization sees why
    assert job.get_renew_url() not in manage.content.decode()
    assert 'value="renew"' not in manage.content.decode()
    refused = client.get(job.get_renew_url(), follow=True)
    assert refused.redirect_chain[-1][0] == job.get_manage_url()
    assert "no se puede renovar" in refused.content.decode()
    for attempt in (_renew(client, job), _renew(client, job, pay_max="25")):
        assert attempt["Location"] == job.get_manage_url()
    client.post(job.get_manage_url(), {"action": "renew"})

    job.refresh_from_db()
    assert job.status == S.TAKEN_DOWN
    assert job.pay_max == 19
    assert not AuditEntry.objects.filter(action__startswith="renew").exists()


def test_staff_cannot_expire_by_hand_only_take_down(client):
    """An expiry is what the date does; staff acting is a takedown, which stays down."""
    job = JobFactory()
    client.force_login(CuratorFactory())
    client.post(job.get_manage_url(), {"action": "expire"})
    job.refresh_from_db()
    assert job.status == S.PUBLISHED


@pytest.mark.parametrize("status", [S.PUBLISHED, S.EXPIRED])
def test_a_job_with_an_open_report_is_not_renewed(client, partner, status):
    job = JobFactory(
        organization=partner.organization, status=status,
        expires_on=today() + timedelta(days=1), **_as_submitted(),
    )  # fmt: skip
    report = JobReport.objects.create(job=job, reason="scam")

    refused = _renew(client, job)
    _renew(client, job, pay_max="25")
    client.post(job.get_manage_url(), {"action": "renew"})

    job.refresh_from_db()
    assert (job.status, job.expires_on, job.pay_max) == (status, today() + timedelta(days=1), 19)
    assert refused["Location"] == job.get_manage_url()
    assert "denuncias" in client.get(job.get_manage_url()).content.decode()

    report.resolved_at = timezone.now()  # staff handled it: renewing works again
    report.save()
    _renew(client, job)
    job.refresh_from_db()
    assert (job.status, job.expires_on) == (S.PUBLISHED, today() + timedelta(days=45))


def test_a_job_listed_for_weeks_more_is_not_renewed_as_it_is(client, partner):
    job = JobFactory(
        organization=partner.organization, expires_on=today() + timedelta(days=30),
        **_as_submitted(),
    )  # fmt: skip
    response = _renew(client, job, follow=True)
    job.refresh_from_db()
    assert job.expires_on == today() + timedelta(days=30)
    assert "en sus últimos 7 días" in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_renewals_at_once_do_not_both_succeed():
    membership = MembershipFactory()
    job = JobFactory(organization=membership.organization, status=S.EXPIRED)
    barrier = threading.Barrier(2)
    results = []

    def renew():
        try:
            copy = Job.objects.get(pk=job.pk)  # each read before either renews
            barrier.wait()
            job_renew(actor=membership.user, job=copy, changed=False)
            results.append("renewed")
        except InvalidTransition:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=renew) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == ["refused", "renewed"]
    assert AuditEntry.objects.filter(action="renew").count() == 1
