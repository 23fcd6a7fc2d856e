"""Every response tells the browser that Camino uses no camera, microphone, location,
payment or USB device: no page, nor anything injected into one, may ask for them."""

import pytest

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

OFF = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]


def features_turned_off(response) -> set[str]:
    return {
        rule.split("=", 1)[0].strip()
        for rule in response["Permissions-Policy"].split(",")
        if rule.split("=", 1)[1].strip() == "()"
    }


@pytest.mark.parametrize(
    "url",
    [
        "/es/",  # a page
        "/en/jobs/",
        "/es/accounts/login/",
        "/es/no-such-page/",  # Camino's 404
        "/jobs/",  # a redirect to the language
        "/static/css/camino.css",  # a static file, served before Django's views
        "/healthz",
        "/es/jobs/feed/",
    ],
)
def test_every_response_turns_off_what_camino_does_not_use(client, url):
    response = client.get(url)
    assert set(OFF) <= features_turned_off(response), url


def test_signed_in_pages_too(client):
    client.force_login(UserFactory())
    response = client.get("/es/notifications/preferences/")
    assert response.status_code == 200
    assert set(OFF) <= features_turned_off(response)
