import re
from html import unescape

import pytest
from django.conf import settings

from apps.accounts.models import User
from tests.accounts.factories import UserFactory
from tests.jobs.factories import JobFactory

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


def _switcher_next(html: str) -> str:
    match = re.search(r'<input name="next" type="hidden" value="([^"]*)">', html)
    assert match, "the page has the language switcher"
    return unescape(match.group(1))


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_switching_language_after_a_form_error_shows_the_page_the_form_was_sent_from(
    client, language, other
):
    """A form sent back with errors is at an address that only takes POSTs: the switcher
    goes back to the job's page, in the other language, not to a blank 405."""
    job = JobFactory()
    page = f"/{language}/jobs/{job.pk}/"
    sent_back = client.post(
        f"{page}report/", {"reason": "scam", "details": "x" * 3000},
        HTTP_REFERER=f"http://testserver{page}",
    )  # fmt: skip
    assert sent_back.status_code == 200  # the report's form, with its error

    switched = client.post(
        "/i18n/setlang/", {"language": other, "next": _switcher_next(sent_back.content.decode())}
    )

    assert switched["Location"] == f"/{other}/jobs/{job.pk}/"
    assert client.get(switched["Location"]).status_code == 200


@pytest.mark.parametrize("referer", [None, "https://example.com/es/jobs/"])
def test_after_a_form_error_without_a_page_of_camino_to_go_back_to_the_switcher_goes_home(
    client, referer
):
    job = JobFactory()
    headers = {"HTTP_REFERER": referer} if referer else {}
    sent_back = client.post(
        f"/es/jobs/{job.pk}/report/", {"reason": "scam", "details": "x" * 3000}, **headers
    )

    assert _switcher_next(sent_back.content.decode()) == "/"


@pytest.mark.parametrize(
    ("language", "title", "home"),
    [
        ("es", "Esta dirección es para enviar un formulario", "Ir a la página de inicio"),
        ("en", "This address is for sending a form", "Go to the home page"),
    ],
)
def test_an_address_for_a_forms_post_opened_by_itself_is_a_page_of_camino(
    client, language, title, home
):
    """Reloaded from the address bar after a form error, or opened from an old link: a page
    in the reader's language with a way back, not the browser's blank 'HTTP ERROR 405'."""
    job = JobFactory()

    response = client.get(f"/{language}/jobs/{job.pk}/report/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    assert f'href="/{language}/">{home}</a>' in html
