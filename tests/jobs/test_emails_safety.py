"""What partners and seekers write (job titles, search names) reaches emails as text: subjects
show it as typed (no HTML entities), no link in it becomes clickable, and a line break in it
cannot add a header. Each email is written by its real writer and read back from the bytes
a mail server would receive."""

import email
import re
from datetime import timedelta
from email import policy

import pytest
from django.core import mail
from django.utils import timezone

from apps.core.emails import text_to_html
from apps.core.services import publication_transition
from apps.jobs.models import SavedSearch
from apps.jobs.services import job_alerts_queue
from apps.jobs.tasks import expire_jobs
from apps.notifications.digest import digest_week
from apps.notifications.services import preferences_update
from apps.notifications.tasks import send_weekly_digests
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db

# A title as a partner may write it: markup, quotes, links and a line break with a header.
TITLE = "Cocinero de Tom & Jerry's <b>urgente</b> www.evil.com http://evil.example/pago"
INJECTED = "\r\nBcc: victim@example.org"
HEADERS = {"Subject", "From", "To", "Date", "Message-ID", "Content-Type", "MIME-Version",
           "List-Unsubscribe", "List-Unsubscribe-Post"}  # fmt: skip


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def received() -> email.message.EmailMessage:
    """The one email sent, as a mail program reads it."""
    [sent] = mail.outbox
    return email.message_from_bytes(sent.message().as_bytes(), policy=policy.default)


def links(message: email.message.EmailMessage) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', message.get_body(("html",)).get_content())


def assert_partner_text_stays_text(message):
    assert set(message.keys()) == HEADERS  # no Bcc, nothing else added
    assert "&amp;" not in message["Subject"] and "&#x27;" not in message["Subject"]
    own = [link for link in links(message) if link.startswith("http://127.0.0.1:8000/")]
    assert own == links(message)
    html = message.get_body(("html",)).get_content()
    assert "Tom &amp; Jerry&#x27;s &lt;b&gt;urgente&lt;/b&gt;" in html  # shown, not obeyed
    assert "<b>" not in html


def test_a_job_alert(sending):
    person = UserFactory(preferred_language="es")
    search = SavedSearch.objects.create(
        user=person, name=f"Tom & Jerry's{INJECTED}", query="q=cocinero",
        alerted_until=timezone.now() - timedelta(hours=1),
    )  # fmt: skip
    job = JobFactory(title_es=TITLE + INJECTED)

    with sending():
        job_alerts_queue(frequency="daily")

    message = received()
    assert message["Subject"] == '1 empleo nuevo para "Tom & Jerry\'s Bcc: victim@example.org"'
    assert_partner_text_stays_text(message)
    assert f"http://127.0.0.1:8000/es/jobs/{job.pk}/" in links(message)
    assert search.get_absolute_url() in " ".join(links(message))


def test_a_publication_notice(sending):
    submitter = UserFactory(preferred_language="en")
    job = JobFactory(title_en=TITLE + INJECTED, status="pending", created_by=submitter)

    with sending():
        publication_transition(actor=CuratorFactory(), item=job, action="publish")

    message = received()
    assert message["Subject"] == f"Published on Camino: {TITLE} Bcc: victim@example.org"
    assert_partner_text_stays_text(message)
    assert f"http://127.0.0.1:8000/en/jobs/{job.pk}/manage/" in links(message)


def test_an_expiry_warning(sending):
    submitter = UserFactory(preferred_language="es")
    job = JobFactory(
        title_es=TITLE + INJECTED, created_by=submitter,
        expires_on=timezone.localdate() + timedelta(days=2),
    )  # fmt: skip

    with sending():
        expire_jobs()

    message = received()
    assert message["Subject"].startswith(f'Su empleo publicado "{TITLE} Bcc: victim@example.org"')
    assert_partner_text_stays_text(message)
    assert f"http://127.0.0.1:8000/es/jobs/{job.pk}/renew/" in links(message)


def test_a_weekly_digest(sending):
    person = UserFactory(preferred_language="es")
    preferences_update(user_id=person.pk, weekly_digest=True)
    SavedSearch.objects.create(user=person, name="Cocina", query="q=cocinero")
    since, _until = digest_week(timezone.now())
    job = JobFactory(title_es=TITLE + INJECTED, published_at=since + timedelta(days=1))

    with sending():
        send_weekly_digests()

    message = received()
    assert_partner_text_stays_text(message)
    assert f"http://127.0.0.1:8000/es/jobs/{job.pk}/" in links(message)


@pytest.mark.parametrize(
    "lookalike",
    [
        "http://127.0.0.1:8000.evil.example/es/jobs/",
        "http://127.0.0.1:8000@evil.example/",
        "https://127.0.0.1:8000/es/jobs/",
    ],
)
def test_only_links_to_camino_itself_become_links(lookalike):
    html = text_to_html(f"Vea: {lookalike}\nSu búsqueda: http://127.0.0.1:8000/es/jobs/?q=a&b=c")
    assert re.findall(r'<a href="([^"]+)"', html) == ["http://127.0.0.1:8000/es/jobs/?q=a&amp;b=c"]
