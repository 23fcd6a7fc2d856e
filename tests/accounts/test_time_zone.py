import json
from datetime import UTC, datetime

import pytest
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from apps.accounts.middleware import TimeZoneMiddleware
from apps.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PREFERENCES = "/en/notifications/preferences/"


def test_a_new_account_reads_times_in_central_time():
    assert UserFactory().time_zone == "America/Chicago"


def test_a_person_chooses_their_time_zone_on_the_preferences_page(client):
    person = UserFactory(preferred_language="es")
    client.force_login(person)

    page = client.get(PREFERENCES)
    assert 'name="time_zone"' in page.content.decode()
    assert "Atlantic time (Puerto Rico)" in page.content.decode()

    response = client.post(
        PREFERENCES, {"preferred_language": "es", "time_zone": "America/Puerto_Rico"}
    )

    assert response.status_code == 302
    assert User.objects.get(pk=person.pk).time_zone == "America/Puerto_Rico"


def test_an_unknown_time_zone_is_refused_with_a_message_and_keeps_the_rest(client):
    person = UserFactory(preferred_language="es", time_zone="America/Denver")
    client.force_login(person)

    response = client.post(
        "/es/notifications/preferences/", {"preferred_language": "en", "time_zone": "Mars/Olympus"}
    )

    assert response.status_code == 200
    assert "una opción válida" in response.content.decode()
    assert 'value="en" selected' in response.content.decode()
    person.refresh_from_db()
    assert (person.time_zone, person.preferred_language) == ("America/Denver", "es")


def render_time(request) -> HttpResponse:
    noon_utc = datetime(2026, 7, 1, 17, 0, tzinfo=UTC)
    return HttpResponse(Template("{{ when|time:'H:i e' }}").render(Context({"when": noon_utc})))


@pytest.mark.parametrize(
    ("time_zone", "shown"),
    [
        ("America/Los_Angeles", "10:00 PDT"),
        ("America/Puerto_Rico", "13:00 AST"),
        ("UTC", "17:00 UTC"),
    ],
)
def test_a_signed_in_person_sees_times_in_their_zone(time_zone, shown):
    request = RequestFactory().get("/")
    request.user = UserFactory(time_zone=time_zone)

    assert TimeZoneMiddleware(render_time)(request).content.decode() == shown
    assert timezone.get_current_timezone_name() == "America/Chicago"  # not left behind


def test_anonymous_visitors_see_the_sites_zone():
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    assert TimeZoneMiddleware(render_time)(request).content.decode() == "12:00 CDT"


def test_the_time_zone_is_in_the_personal_data_download(client):
    person = UserFactory(time_zone="Pacific/Honolulu")
    client.force_login(person)

    data = json.loads(client.get("/en/accounts/my-data/download/").content)

    assert data["account"][0]["time_zone"] == "Hawaii time (Honolulu)"
