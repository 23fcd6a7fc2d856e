from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.jobs.tasks import expire_jobs
from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory
from tests.jobs.test_submission import SPANISH_ONLY
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db
today = timezone.localdate


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
