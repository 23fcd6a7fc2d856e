"""Partners write trainings with their start dates and send them for review; staff publish
or reject them through the shared workflow; the organization hears in its language."""

import pytest
from django.core import mail

from apps.certifications.models import Training, TrainingSearchEntry
from apps.certifications.training_services import TRAINING_LISTING_DAYS
from apps.core.services import publication_publish, publication_renew
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import (
    CredentialFactory,
    TrainingFactory,
    days_from_today,
)
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def course(organization, **changes) -> dict:
    """The form of a Spanish-only forklift course in Chicago, starting next month."""
    return {
        "organization": organization.pk,
        "title_es": "Curso de montacargas", "title_en": "",
        "summary_es": "Aprenda a manejar un montacargas con seguridad.", "summary_en": "",
        "description_es": "Práctica en un almacén real.", "category": "warehouse",
        "format": "in_person", "languages": ["es"], "cost": "150",
        "schedule_es": "Sábados de 8 a 12", "rolling_enrollment": "",
        "financial_aid_es": "Becas para quien las pida.", "aid_open_to_all": "on",
        "how_to_enrol_es": "Llame al centro.", "enrol_url": "https://example.org/inscribirse",
        "venue_name": "Centro de Empleo", "address": "2000 S Western Ave", "city": "Chicago",
        "state": "IL", "zip_code": "60608",
        "starts-TOTAL_FORMS": "2", "starts-INITIAL_FORMS": "0",
        "starts-MIN_NUM_FORMS": "0", "starts-MAX_NUM_FORMS": "24",
        "starts-0-starts_on": days_from_today(35).isoformat(), "starts-0-ends_on": "",
        "starts-1-starts_on": "", "starts-1-ends_on": "",
        **changes,
    }  # fmt: skip


@pytest.fixture
def partner(client):
    membership = MembershipFactory(user__preferred_language="es")
    client.force_login(membership.user)
    return membership


def test_a_partner_submits_a_training_and_staff_publish_it(
    client, partner, django_capture_on_commit_callbacks
):
    credential = CredentialFactory(slug="forklift-operator")
    response = client.post(
        "/es/careers/trainings/new/",
        course(partner.organization, credentials=[credential.pk]),
    )
    training = Training.objects.get()
    assert response.status_code == 302 and response["Location"] == training.get_manage_url()
    assert training.status == "draft" and training.missing_languages == ["en"]
    assert list(training.credentials.all()) == [credential]
    assert [start.starts_on for start in training.starts.all()] == [days_from_today(35)]
    assert training.expires_on == days_from_today(TRAINING_LISTING_DAYS)
    assert not TrainingSearchEntry.objects.exists()  # a draft is not searchable

    response = client.post(training.get_manage_url(), {"action": "submit"})
    assert response.status_code == 302
    training.refresh_from_db()
    assert training.status == "pending"

    curator = CuratorFactory()
    client.force_login(curator)
    assert training.title_es in client.get("/en/review/trainings/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(training.get_manage_url(), {"action": "publish", "note": ""})
    training.refresh_from_db()
    assert training.status == "published"
    entry = TrainingSearchEntry.objects.get(pk=training.pk)
    assert entry.next_start == days_from_today(35) and entry.cost == 150
    assert entry.aid_open_to_all and entry.latitude is not None
    assert [message.to for message in mail.outbox] == [[partner.user.email]]
    assert "publicado" in mail.outbox[0].subject.lower()

    page = client.get(f"/es/careers/trainings/{training.pk}/").content.decode()
    assert "Curso de montacargas" in page and credential.name_es in page


def test_staff_reject_with_a_note_and_the_partner_fixes_and_resubmits(
    client, partner, django_capture_on_commit_callbacks
):
    training = TrainingFactory(
        organization=partner.organization, status="pending", created_by=partner.user
    )
    curator = CuratorFactory()
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(training.get_manage_url(), {"action": "reject", "note": "Falta el precio."})
    training.refresh_from_db()
    assert training.status == "rejected" and training.review_note == "Falta el precio."
    assert "Falta el precio." in mail.outbox[0].body

    client.force_login(partner.user)
    form = course(partner.organization, **{"starts-TOTAL_FORMS": "1"})
    form.update({"starts-INITIAL_FORMS": "1", "starts-0-id": training.starts.get().pk,
                 "starts-0-training": training.pk})  # fmt: skip
    response = client.post(f"/es/careers/trainings/{training.pk}/edit/", form)
    assert response.status_code == 302
    client.post(training.get_manage_url(), {"action": "submit"})
    training.refresh_from_db()
    assert training.status == "pending" and training.title_es == "Curso de montacargas"


def test_another_partners_draft_is_not_found(client, partner):
    draft = TrainingFactory(status="draft")
    assert client.get(f"/es/careers/trainings/{draft.pk}/").status_code == 404
    assert client.get(f"/es/careers/trainings/{draft.pk}/edit/").status_code == 404
    assert client.get(draft.get_manage_url()).status_code == 404
    assert client.post(draft.get_manage_url(), {"action": "submit"}).status_code == 404
    mine = TrainingFactory(status="draft", organization=partner.organization)
    page = client.get(f"/en/careers/trainings/{mine.pk}/")
    assert page.status_code == 200 and "Only its organization" in page.content.decode()


def test_a_partner_may_not_write_for_another_organization(client, partner):
    other = MembershipFactory().organization
    response = client.post("/es/careers/trainings/new/", course(other))
    assert response.status_code == 200 and not Training.objects.exists()
    assert "organization" in response.context["form"].errors


def test_publishing_and_renewing_list_it_for_a_year(partner):
    curator = CuratorFactory()
    training = TrainingFactory(
        organization=partner.organization, status="expired", expires_on=days_from_today(-1)
    )
    publication_publish(actor=curator, item=training)
    training.refresh_from_db()
    assert training.expires_on == days_from_today(TRAINING_LISTING_DAYS)
    assert TrainingSearchEntry.objects.get(pk=training.pk).expires_on == training.expires_on

    Training.objects.filter(pk=training.pk).update(expires_on=days_from_today(3))
    training.refresh_from_db()
    publication_renew(actor=partner.user, item=training)
    training.refresh_from_db()
    assert training.expires_on == days_from_today(TRAINING_LISTING_DAYS)


def test_my_organizations_trainings_lists_every_state(client, partner):
    TrainingFactory(organization=partner.organization, status="draft", title_es="Borrador A")
    TrainingFactory(organization=partner.organization, title_es="Publicado B")
    TrainingFactory(title_es="De otros C")
    page = client.get("/es/careers/trainings/mine/").content.decode()
    assert "Borrador A" in page and "Publicado B" in page and "De otros C" not in page
