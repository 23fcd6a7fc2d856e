from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.jobs.models import JobReport
from apps.notifications.services import preferences_update
from apps.notifications.summary import staff_summaries_queue
from tests.accounts.factories import CuratorFactory, StaffFactory, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_curators_get_counts_and_links_in_their_language(django_capture_on_commit_callbacks):
    curator = CuratorFactory(preferred_language="es")
    StaffFactory()  # staff outside the Curators group get nothing
    UserFactory()
    old = JobFactory(
        title_es="Pintor", status="pending", submitted_at=timezone.now() - timedelta(days=3)
    )
    JobFactory(title_es="Cocinero", status="pending", submitted_at=timezone.now())
    JobReport.objects.create(job=JobFactory(), reason="scam")

    with django_capture_on_commit_callbacks(execute=True):
        assert staff_summaries_queue() == 1
        staff_summaries_queue()  # a second tick the same day sends nothing more

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [curator.email]
    assert message.subject == "Camino hoy: 2 esperando revisión, 1 denuncias abiertas"
    body = message.body
    assert body.index("Pintor") < body.index("Cocinero")  # oldest first
    assert f"/es/jobs/{old.pk}/manage/" in body
    assert "1 denuncia abierta sobre anuncios" in body


def test_nothing_to_report_means_no_email(django_capture_on_commit_callbacks):
    CuratorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        staff_summaries_queue()
    assert mail.outbox == []


def test_curators_can_turn_it_off():
    curator = CuratorFactory()
    preferences_update(user_id=curator.pk, staff_summary=False)
    JobFactory(status="pending", submitted_at=timezone.now())
    assert staff_summaries_queue() == 0
