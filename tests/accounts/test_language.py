import pytest
from django.conf import settings

from apps.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_switching_language_keeps_the_page_and_sets_the_cookie(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/es/privacy/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/privacy/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.parametrize(
    ("browser", "page", "to", "expected"),
    [
        ("en-US,en;q=0.9", "/es/privacy/", "en", "/en/privacy/"),
        ("es-MX,es;q=0.9", "/en/privacy/", "es", "/es/privacy/"),
    ],
)
def test_switching_works_whatever_language_the_browser_prefers(client, browser, page, to, expected):
    response = client.post(
        "/i18n/setlang/", {"language": to, "next": page}, HTTP_ACCEPT_LANGUAGE=browser
    )
    assert response["Location"] == expected


def test_switching_language_is_remembered_on_a_signed_in_user(client):
    user = UserFactory(preferred_language="es")
    client.force_login(user)

    client.post("/i18n/setlang/", {"language": "en", "next": "/es/"})

    assert User.objects.get(pk=user.pk).preferred_language == "en"


def test_an_unknown_language_changes_nothing(client):
    user = UserFactory(preferred_language="es")
    client.force_login(user)

    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/es/"})

    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).preferred_language == "es"


def test_switching_language_refuses_get(client):
    assert client.get("/i18n/setlang/?language=en").status_code == 405
