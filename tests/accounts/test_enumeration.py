"""Signing up with an address that already has an account looks and takes the same as with a
new one, so the sign-up form cannot be used to find out who uses Camino."""

import re
import statistics
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from apps.accounts.models import User
from portal.settings import base
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def sign_up(client: Client, email: str):
    return client.post(
        "/es/accounts/signup/",
        {
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "preferred_language": "es",
        },
    )


def page_after(client: Client, response, email: str) -> str:
    """The page the person lands on, without what differs anyway: the CSRF token and the
    address they typed (the message "sent to <address>" repeats it)."""
    page = client.get(response["Location"]).content.decode()
    return CSRF_TOKEN.sub("", page).replace(email, "EMAIL")


def test_the_page_shown_is_the_same_for_a_new_and_an_existing_address():
    UserFactory(email="ana@example.org")
    known_client, new_client = Client(), Client()

    known = sign_up(known_client, "ana@example.org")
    new = sign_up(new_client, "maria@example.org")

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    assert page_after(known_client, known, "ana@example.org") == page_after(
        new_client, new, "maria@example.org"
    )
    # Both addresses get an email; only the new one gets an account.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@example.org",
        "maria@example.org",
    ]
    assert User.objects.filter(email="maria@example.org").exists()
    # The person who has an account is told, and how to get back in.
    known_email = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert "Si olvidó su contraseña" in known_email.body
    assert "/es/accounts/password/reset/" in known_email.body


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)  # the real, slow Argon2
def test_the_time_taken_is_the_same_for_a_new_and_an_existing_address():
    UserFactory(email="ana@example.org")
    timings: dict[str, list[float]] = {"known": [], "new": []}

    def timed(kind: str, email: str) -> None:
        cache.clear()  # sign-up rate limits are not what is measured here
        client = Client()
        start = time.perf_counter()
        response = sign_up(client, email)
        timings[kind].append(time.perf_counter() - start)
        assert response.status_code == 302

    # The first requests load templates and catalogues: not counted.
    timed("new", "warm-up@example.org")
    timed("known", "ana@example.org")
    for values in timings.values():
        values.clear()
    for round_ in range(11):
        # Interleaved, and alternating which goes first, so that a busy moment of the
        # machine does not fall on one side only.
        pair = [("known", "ana@example.org"), ("new", f"new{round_}@example.org")]
        for kind, email in pair if round_ % 2 else reversed(pair):
            timed(kind, email)

    ratio = statistics.median(timings["known"]) / statistics.median(timings["new"])
    assert 0.7 < ratio < 1.4, timings
