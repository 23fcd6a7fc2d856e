from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from apps.jobs.models import SavedSearch
from apps.jobs.services import job_alerts_queue
from apps.notifications.models import Delivery
from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_a_seeker_saves_the_current_search_with_a_name(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get("/es/jobs/?q=cocinero&authorization=open&zip=60629&radius=25&page=2")
    assert (
        'name="query" value="authorization=open&amp;q=cocinero&amp;radius=25&amp;zip=60629"'
        in page.content.decode()
    )

    response = client.post(
        "/es/jobs/searches/new/",
        {"name": "Cocina cerca", "frequency": "weekly",
         "query": "q=cocinero&authorization=open&zip=60629&radius=25"},
    )  # fmt: skip

    search = SavedSearch.objects.get(user=user)
    assert (search.name, search.frequency) == ("Cocina cerca", "weekly")
    assert search.query == "authorization=open&q=cocinero&radius=25&zip=60629"
    assert response["Location"] == "/es/jobs/?authorization=open&q=cocinero&radius=25&zip=60629"
    assert "Cocina cerca" in client.get("/es/jobs/searches/").content.decode()


@pytest.mark.parametrize(
    ("query", "name"),
    [("q=cocinero&zip=60629", "cocinero"), ("zip=60629", "Mi búsqueda de empleo")],
)
def test_a_search_saved_without_a_name_is_named_for_its_keywords(client, query, name):
    """Before, it was refused and the person's choices were lost."""
    user = UserFactory()
    client.force_login(user)
    client.post("/es/jobs/searches/new/", {"name": " ", "frequency": "weekly", "query": query})
    search = SavedSearch.objects.get(user=user)
    assert (search.name, search.frequency) == (name, "weekly")


def test_a_name_too_long_is_explained_and_kept_to_shorten(client):
    client.force_login(UserFactory())
    response = client.post(
        "/es/jobs/searches/new/",
        {"name": "x" * 81, "frequency": "weekly", "query": "q=x"},
        follow=True,
    )
    html = response.content.decode()
    assert "puede tener como máximo 80 caracteres" in html
    assert f'value="{"x" * 81}"' in html  # before, the page came back with the name cleared
    assert not SavedSearch.objects.exists()


def test_other_peoples_searches_cannot_be_deleted(client):
    search = SavedSearch.objects.create(user=UserFactory(), name="Mía", query="q=x")
    client.force_login(UserFactory())
    assert client.post("/es/jobs/searches/", {"search": search.pk}).status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()


@pytest.fixture
def search():
    user = UserFactory(preferred_language="es", display_name="Lucía")
    return SavedSearch.objects.create(
        user=user, name="Cocina", query="q=cocinero", frequency="daily",
        alerted_until=timezone.now() - timedelta(hours=1),
    )  # fmt: skip


def test_an_alert_lists_only_new_matching_jobs_in_the_readers_language(
    search, django_capture_on_commit_callbacks
):
    JobFactory(title_es="Cocinero viejo", published_at=timezone.now() - timedelta(days=2))
    JobFactory(title_es="Cocinero nuevo", title_en="New cook")
    JobFactory(title_es="Chofer nuevo")

    with django_capture_on_commit_callbacks(execute=True):
        assert job_alerts_queue(frequency="daily") == 1

    message = mail.outbox[0]
    assert message.to == [search.user.email]
    assert message.subject == '1 empleo nuevo para "Cocina"'
    assert "Cocinero nuevo" in message.body
    assert "Cocinero viejo" not in message.body and "Chofer" not in message.body
    assert "Hola, Lucía:" in message.body


def test_nothing_new_means_no_email_and_a_second_run_sends_nothing_twice(
    search, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert job_alerts_queue(frequency="daily") == 0
    JobFactory(title_es="Cocinero", published_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        job_alerts_queue(frequency="daily")
        job_alerts_queue(frequency="daily")  # the same beat tick delivered twice
    assert len(mail.outbox) == 1
    assert Delivery.objects.count() == 1


def test_weekly_searches_wait_for_the_weekly_run(search):
    search.frequency = "weekly"
    search.save()
    JobFactory(title_es="Cocinero")
    assert job_alerts_queue(frequency="daily") == 0
    assert job_alerts_queue(frequency="weekly") == 1


def test_an_alert_whose_jobs_closed_before_sending_is_dropped(search):
    job = JobFactory(title_es="Cocinero")
    job_alerts_queue(frequency="daily")  # queued, not yet sent
    job.status = "expired"
    job.save()
    from apps.notifications.tasks import sweep_deliveries

    Delivery.objects.update(due_at=timezone.now() - timedelta(minutes=5))
    sweep_deliveries()
    assert mail.outbox == []
    assert Delivery.objects.get().status == "dropped"


@pytest.mark.postgres
@pytest.mark.redis
def test_a_beat_tick_delivered_twice_to_a_real_worker_sends_each_alert_once(celery_worker):
    from apps.jobs.tasks import send_job_alerts
    from tests.worker import sent_emails, wait_for

    for n in range(5):
        SavedSearch.objects.create(
            user=UserFactory(email=f"alert{n}@example.org"), name="Cocina", query="q=cocinero",
            alerted_until=timezone.now() - timedelta(hours=1),
        )  # fmt: skip
    JobFactory(title_es="Cocinero")

    send_job_alerts.delay("daily")
    send_job_alerts.delay("daily")  # the same tick, delivered twice

    wait_for(lambda: Delivery.objects.filter(status="sent").count() == 5, what="five alerts")
    wait_for(lambda: len(sent_emails(celery_worker.email_dir)) >= 5, what="five emails")
    assert sorted(sent_emails(celery_worker.email_dir)) == [
        f"alert{n}@example.org" for n in range(5)
    ]
    assert Delivery.objects.count() == 5
