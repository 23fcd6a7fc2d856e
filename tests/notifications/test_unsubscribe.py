import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone

from apps.jobs.models import SavedSearch
from apps.jobs.services import job_alerts_queue
from apps.notifications.models import EmailPreferences
from apps.notifications.unsubscribe import make_token
from tests.accounts.factories import PASSWORD, StaffFactory, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alert(django_capture_on_commit_callbacks):
    """A job alert email, sent to a Spanish-speaking seeker."""
    user = UserFactory(preferred_language="es")
    SavedSearch.objects.create(
        user=user, name="Cocina", query="q=cocinero",
        alerted_until=timezone.now() - timezone.timedelta(days=1),
    )  # fmt: skip
    JobFactory(title_es="Cocinero")
    with django_capture_on_commit_callbacks(execute=True):
        job_alerts_queue(frequency="daily")
    return mail.outbox[-1]


def unsubscribe_path(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/es/notifications/unsubscribe/\S+/)", message.body)[
        1
    ]


def test_every_email_has_one_click_unsubscribe_headers_and_links(alert):
    path = unsubscribe_path(alert)
    assert alert.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{path}>"
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "http://127.0.0.1:8000/es/notifications/preferences/" in alert.body


def test_the_link_works_without_signing_in_and_asks_for_a_click_first(client, alert):
    path = unsubscribe_path(alert)

    page = client.get(path)
    assert page.status_code == 200
    assert "Avisos de empleo de mis búsquedas guardadas" in page.content.decode()
    assert not EmailPreferences.objects.exists()  # opening the link changes nothing

    done = client.post(path)
    assert "Ya no recibirá" in done.content.decode()
    assert EmailPreferences.objects.get().wants("job_alerts") is False
    assert client.post(path).status_code == 200  # twice is the same as once


def test_mail_programs_unsubscribe_in_one_post_without_a_form(alert):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_path(alert), "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )  # fmt: skip
    assert response.status_code == 200
    assert EmailPreferences.objects.get().wants("job_alerts") is False


def test_after_unsubscribing_no_more_alerts_are_sent(client, alert):
    client.post(unsubscribe_path(alert))
    mail.outbox.clear()
    JobFactory(title_es="Otro cocinero", published_at=timezone.now())
    assert job_alerts_queue(frequency="daily") == 0
    assert mail.outbox == []


def made_ago(age: timedelta, **kwargs) -> str:
    """A token as Camino made it `age` ago (the signer reads the clock; nothing else does)."""
    signer = signing.TimestampSigner
    original = signer.timestamp
    signer.timestamp = lambda self: signing.b62_encode(int(time.time() - age.total_seconds()))
    try:
        return make_token(**kwargs)
    finally:
        signer.timestamp = original


def assert_clear_refusal(response, lang="es"):
    """A page that says the link no longer works and where to choose emails instead."""
    assert response.status_code == 404
    page = response.content.decode()
    assert {"es": "Este enlace ya no funciona", "en": "This link no longer works"}[lang] in page
    assert f'href="/{lang}/notifications/preferences/"' in page


@pytest.mark.parametrize(
    "token",
    ["nonsense", make_token(user_id=1, topic="job_alerts") + "x"],
    ids=["nonsense", "damaged"],  # the same names in every test process; the token has a time
)
def test_a_forged_or_damaged_link_is_refused_with_a_clear_page(client, token):
    UserFactory()
    assert_clear_refusal(client.get(f"/es/notifications/unsubscribe/{token}/"))
    assert_clear_refusal(client.get(f"/en/notifications/unsubscribe/{token}/"), lang="en")


def test_a_link_a_year_and_a_day_old_no_longer_works(client):
    user = UserFactory()
    token = made_ago(timedelta(days=366), user_id=user.pk, topic="job_alerts")

    assert_clear_refusal(client.get(f"/es/notifications/unsubscribe/{token}/"))
    assert_clear_refusal(client.post(f"/es/notifications/unsubscribe/{token}/"))
    assert not EmailPreferences.objects.exists()


def test_a_link_from_eleven_months_ago_still_works(client):
    user = UserFactory()
    token = made_ago(timedelta(days=335), user_id=user.pk, topic="job_alerts")

    assert client.post(f"/es/notifications/unsubscribe/{token}/").status_code == 200
    assert EmailPreferences.objects.get(user=user).wants("job_alerts") is False


def test_links_without_a_date_from_before_are_refused(client):
    """Links made before links expired: no date in them, so no way to tell their age."""
    user = UserFactory()
    token = signing.Signer(salt="camino.notifications.unsubscribe").sign(f"{user.pk}:job_alerts")
    assert_clear_refusal(client.get(f"/es/notifications/unsubscribe/{token}/"))


def test_tokens_stay_short():
    assert len(make_token(user_id=1_234_567, topic="listing_notices")) <= 80


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_page_never_shows_the_address(client, lang):
    """Whoever the email was forwarded to, or who looks over a shoulder, learns nothing."""
    user = UserFactory(email="maria.lopez@example.org")
    path = f"/{lang}/notifications/unsubscribe/{make_token(user_id=user.pk, topic='job_alerts')}/"

    for response in (client.get(path), client.post(path)):
        assert response.status_code == 200
        page = response.content.decode()
        assert "maria.lopez" not in page and "example.org" not in page


def test_from_the_page_the_preferences_open_once_signed_in(client):
    user = UserFactory(email="ana@example.org")
    path = f"/es/notifications/unsubscribe/{make_token(user_id=user.pk, topic='job_alerts')}/"
    page = client.get(path).content.decode()
    assert 'href="/es/notifications/preferences/"' in page

    response = client.get("/es/notifications/preferences/")
    assert response.status_code == 302 and response["Location"].startswith("/es/accounts/login/")
    response = client.post(response["Location"], {"login": "ana@example.org", "password": PASSWORD})
    assert response["Location"] == "/es/notifications/preferences/"
    assert client.get(response["Location"]).status_code == 200


def test_the_preferences_page_sets_emails_and_language(client):
    user = UserFactory(preferred_language="es")
    client.force_login(user)
    page = client.get("/es/notifications/preferences/").content.decode()
    assert "Avisos de empleo" in page and "Resumen diario" not in page  # staff only

    client.post(
        "/es/notifications/preferences/",
        {"job_alerts": "on", "preferred_language": "en", "time_zone": "America/Chicago"},
    )

    preferences = EmailPreferences.objects.get(user=user)
    assert (preferences.wants("job_alerts"), preferences.wants("listing_notices")) == (True, False)
    user.refresh_from_db()
    assert user.preferred_language == "en"


def test_staff_can_turn_off_their_daily_summary(client):
    from allauth.mfa.models import Authenticator

    staff = StaffFactory()
    Authenticator.objects.create(user=staff, type="totp", data={"secret": "x"})
    client.force_login(staff)
    assert "Resumen diario" in client.get("/es/notifications/preferences/").content.decode()


def test_emails_are_html_with_a_plain_text_alternative_and_nothing_remote(alert):
    html, mimetype = alert.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="es">' in html
    assert "Cocinero" in html and "Cocinero" in alert.body
    link = unsubscribe_path(alert)
    assert f'<a href="http://127.0.0.1:8000{link}"' in html
    assert "<img" not in html and "<script" not in html and "<link" not in html
