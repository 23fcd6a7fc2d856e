import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from apps.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def sign_up(client, lang="es", **overrides):
    data = {
        "email": "maria@example.org",
        "display_name": "María",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "preferred_language": lang,
        **overrides,
    }
    return client.post(f"/{lang}/accounts/signup/", data)


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+/)", message.body).group(1)


def test_sign_up_stores_only_email_name_and_language(client):
    response = sign_up(client, lang="es")

    assert response.status_code == 302
    user = User.objects.get(email="maria@example.org")
    assert user.display_name == "María"
    assert user.preferred_language == "es"
    assert not hasattr(user, "username")


def test_sign_up_requires_email_verification_before_sign_in(client):
    sign_up(client)

    client.post("/es/accounts/logout/")
    response = client.post(
        "/es/accounts/login/", {"login": "maria@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_confirmation_email_is_in_the_chosen_language_and_confirms(client):
    sign_up(client, lang="en", preferred_language="es")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maria@example.org"]
    assert "confirme su dirección de correo electrónico" in message.subject
    link = confirmation_link(message)
    assert link.startswith("/es/")

    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="maria@example.org").verified


def test_sign_up_errors_are_translated_and_keep_what_was_typed(client):
    response = sign_up(client, lang="es", password2="something-else-entirely")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Debe escribir la misma contraseña cada vez." in html
    assert 'value="maria@example.org"' in html
    assert 'value="María"' in html
    assert not User.objects.filter(email="maria@example.org").exists()


def test_sign_in_continues_in_the_language_the_person_chose(client):
    UserFactory(email="sam@example.org", preferred_language="en")

    response = client.post(
        "/es/accounts/login/", {"login": "sam@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_sign_in_by_emailed_code(client):
    UserFactory(email="ana@example.org", preferred_language="es")

    response = client.post("/es/accounts/login/code/", {"email": "ana@example.org"})
    assert response.status_code == 302
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.MULTILINE).group(1)

    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="ana@example.org").pk)


def test_password_reset_email_goes_out_in_the_recipients_language(client):
    UserFactory(email="sam@example.org", preferred_language="en")

    client.post("/es/accounts/password/reset/", {"email": "sam@example.org"})

    assert len(mail.outbox) == 1
    assert "Password Reset" in mail.outbox[0].subject
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_does_not_reveal_whether_an_account_exists(client):
    UserFactory(email="ana@example.org")

    known = client.post("/es/accounts/password/reset/", {"email": "ana@example.org"})
    unknown = client.post("/es/accounts/password/reset/", {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_password_reset_from_the_emailed_link_sets_a_new_password(client):
    UserFactory(email="ana@example.org")
    client.post("/es/accounts/password/reset/", {"email": "ana@example.org"})
    link = re.search(r"https?://[^/\s]+(/es/accounts/password/reset/key/\S+/)", mail.outbox[0].body)

    response = client.get(link.group(1))  # allauth moves the key into the session
    new_password = "a-brand-new-password-77"
    response = client.post(
        response["Location"], {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302

    response = client.post(
        "/es/accounts/login/", {"login": "ana@example.org", "password": new_password}
    )
    assert response["Location"] == "/es/"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_confirming_the_address_in_the_same_browser_signs_in_and_goes_where_the_person_was_going(
    client, lang
):
    """Someone who signs up to register for an event lands back on it once the address is
    confirmed, signed in, not on the home page to find it again."""
    job = JobFactory()
    page = f"/{lang}/jobs/{job.pk}/"
    client.post(
        f"/{lang}/accounts/signup/?next={page}",
        {"email": "maria@example.org", "display_name": "María", "password1": PASSWORD,
         "password2": PASSWORD, "preferred_language": lang},
    )  # fmt: skip

    response = client.post(confirmation_link(mail.outbox[0]))

    assert response["Location"] == page
    assert client.session["_auth_user_id"] == str(User.objects.get(email="maria@example.org").pk)


def test_confirming_the_address_in_another_browser_does_not_sign_in(client):
    sign_up(client)
    elsewhere = Client()

    response = elsewhere.post(confirmation_link(mail.outbox[0]))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in elsewhere.session
    assert EmailAddress.objects.get(email="maria@example.org").verified


@pytest.mark.parametrize(("link", "preferred", "expected"), [
    ("/es/jobs/saved/", "en", "/en/jobs/saved/"),
    ("/en/jobs/saved/", "es", "/es/jobs/saved/"),
])  # fmt: skip
def test_sign_in_goes_where_the_person_was_going_in_the_language_they_chose(
    client, link, preferred, expected
):
    UserFactory(email="sam@example.org", preferred_language=preferred)

    response = client.post(
        f"/es/accounts/login/?next={link}", {"login": "sam@example.org", "password": PASSWORD}
    )

    assert response["Location"] == expected
