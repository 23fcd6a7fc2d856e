import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings

from portal.settings import base
from tests.accounts.factories import PASSWORD, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def give_totp(user) -> None:
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})


def test_staff_without_two_factor_are_sent_to_set_it_up(client):
    StaffFactory(email="rosa@example.org")
    response = client.post(
        "/es/accounts/login/", {"login": "rosa@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302

    for url in ("/es/", "/es/privacy/", "/es/admin/", "/es/accounts/email/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/es/accounts/2fa/totp/activate/", url

    # allauth asks for the password again before a second factor is added; that is allowed.
    response = client.get("/es/accounts/2fa/totp/activate/")
    assert response["Location"].startswith("/es/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == "/es/accounts/2fa/totp/activate/"
    assert client.get("/es/accounts/2fa/totp/activate/").status_code == 200


def test_staff_with_two_factor_use_camino_and_the_admin(client):
    staff = StaffFactory()
    give_totp(staff)
    client.force_login(staff)

    assert client.get("/es/").status_code == 200
    assert client.get("/es/admin/").status_code == 200


def test_seekers_are_not_asked_for_two_factor(client):
    client.force_login(UserFactory())
    assert client.get("/es/").status_code == 200


def test_admin_has_no_login_of_its_own(client):
    response = client.get("/es/admin/login/?next=/es/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/?next=")

    response = client.get("/es/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_refuses_signed_in_people_who_are_not_staff(client):
    client.force_login(UserFactory())
    assert client.get("/es/admin/login/").status_code == 403


def test_staff_sign_in_asks_for_the_authenticator_code(client):
    staff = StaffFactory(email="rosa@example.org")
    give_totp(staff)

    response = client.post(
        "/es/accounts/login/", {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session


def test_repeated_failed_sign_ins_are_rate_limited(client):
    UserFactory(email="ana@example.org")
    for _ in range(5):
        response = client.post(
            "/es/accounts/login/", {"login": "ana@example.org", "password": "wrong"}
        )
        assert "Demasiados intentos" not in response.content.decode()

    # Now even the right password is refused for a while.
    response = client.post(
        "/es/accounts/login/", {"login": "ana@example.org", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Demasiados intentos fallidos" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.redis
def test_rate_limits_are_kept_in_redis(client):
    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    assert isinstance(caches["default"], RedisCache)
    test_repeated_failed_sign_ins_are_rate_limited(client)


@override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
def test_passwords_are_hashed_with_argon2():
    user = UserFactory()
    user.set_password("another-long-password")
    assert user.password.startswith("argon2")
