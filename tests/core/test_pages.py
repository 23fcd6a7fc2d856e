import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("es-MX,es;q=0.9", "/es/"),
        ("fr-FR,fr;q=0.9", "/es/"),  # unsure: Spanish
        ("", "/es/"),
    ],
)
def test_first_visit_negotiates_the_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [
        ("/es/", "es", "Encuentre trabajo que puede aceptar"),
        ("/en/", "en", "Find work you can take"),
        ("/es/privacy/", "es", "Su estatus migratorio."),
        ("/en/privacy/", "en", "Your immigration status."),
    ],
)
def test_pages_are_served_in_the_language_of_the_url(client, url, lang, text):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html


def test_every_page_has_a_skip_link_landmarks_and_a_language_switcher(client):
    html = client.get("/es/").content.decode()
    assert '<a class="skip-link" href="#main">Saltar al contenido principal</a>' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'name="language" value="en" lang="en"' in html


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/es/no-such-page/", "No encontramos esa página"),
        ("/en/no-such-page/", "We could not find that page"),
    ],
)
def test_not_found_page_is_translated(client, url, text):
    response = client.get(url)
    assert response.status_code == 404
    assert text in response.content.decode()


def broken_view(request):
    raise RuntimeError("boom")


@override_settings(ROOT_URLCONF="tests.core.urls_with_error")
@pytest.mark.parametrize(
    ("lang", "text"),
    [("es", "Algo salió mal de nuestro lado"), ("en", "Something went wrong on our side")],
)
def test_server_error_page_is_translated(lang, text):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{lang}/boom/")
    assert response.status_code == 500
    assert text in response.content.decode()


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
