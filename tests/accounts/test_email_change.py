"""Changing the address of an account: whoever holds a signed-in session (a shared computer,
a stolen cookie) cannot move the account to their own address without the password, and
the old address is told."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from apps.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email: str, lang: str = "es") -> None:
    response = client.post(f"/{lang}/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302


def ask_for_new_address(client, lang: str = "es"):
    return client.post(f"/{lang}/accounts/email/", {"action_add": "", "email": "new@example.org"})


def confirm_new_address(client) -> None:
    message = next(m for m in mail.outbox if m.to == ["new@example.org"])
    link = re.search(r"https?://[^/\s]+(/\S+/accounts/confirm-email/\S+/)", message.body)[1]
    assert client.post(link).status_code == 302


def test_a_signed_in_session_alone_cannot_change_the_address(client):
    UserFactory(email="old@example.org")
    sign_in(client, "old@example.org")

    response = ask_for_new_address(client)

    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email="new@example.org").exists()
    assert not [m for m in mail.outbox if m.to == ["new@example.org"]]

    wrong = client.post(response["Location"], {"password": "not-the-password"})
    assert wrong.status_code == 200
    assert "contraseña" in wrong.content.decode().lower()
    assert not EmailAddress.objects.filter(email="new@example.org").exists()


def test_with_the_password_the_change_goes_on_and_the_old_address_is_told(client):
    user = UserFactory(email="old@example.org", preferred_language="es")
    sign_in(client, "old@example.org")
    response = ask_for_new_address(client)

    # The password again: the request that was interrupted then goes through.
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="new@example.org", verified=False).exists()
    user.refresh_from_db()
    assert user.email == "old@example.org"  # not before the new address is confirmed

    confirm_new_address(client)

    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert not EmailAddress.objects.filter(email="old@example.org").exists()
    notice = next(m for m in mail.outbox if m.to == ["old@example.org"])
    assert notice.subject == "Camino: Correo electrónico modificado"
    assert (
        "Su dirección de correo electrónico se ha cambiado de old@example.org a new@example.org."
        in notice.body
    )
    assert "Si no hizo este cambio, restablezca su contraseña ahora" in notice.body
    assert "127.0.0.1" not in notice.body  # when, not where from: Camino keeps no addresses


def test_the_old_address_is_told_in_the_language_the_person_chose(client):
    UserFactory(email="old@example.org", preferred_language="en")
    sign_in(client, "old@example.org", lang="en")
    # The page is in Spanish; the person reads English.
    response = ask_for_new_address(client, lang="es")
    client.post(response["Location"], {"password": PASSWORD})

    confirm_new_address(client)

    notice = next(m for m in mail.outbox if m.to == ["old@example.org"])
    assert notice.subject == "Camino: Email Changed"
    assert "Your email has been changed from old@example.org to new@example.org." in notice.body


def test_changing_the_password_is_told_too(client):
    UserFactory(email="ana@example.org", preferred_language="es")
    sign_in(client, "ana@example.org")
    new_password = "another-long-password-51"

    response = client.post(
        "/es/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )

    assert response.status_code == 302
    notice = next(m for m in mail.outbox if m.to == ["ana@example.org"])
    assert notice.subject == "Camino: Contraseña modificada"
    assert "Su contraseña ha sido modificada." in notice.body
    assert User.objects.get(email="ana@example.org").check_password(new_password)
