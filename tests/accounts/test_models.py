import pytest
from django.db import IntegrityError

from apps.accounts.models import User

pytestmark = pytest.mark.django_db


def test_email_is_the_login_and_there_is_no_username():
    user = User.objects.create_user(email="Ana@EXAMPLE.org", password="a-long-password-1")
    assert User.USERNAME_FIELD == "email"
    assert user.email == "Ana@example.org"
    assert user.preferred_language == "es"
    assert "username" not in [field.name for field in User._meta.get_fields()]


def test_emails_are_unique():
    User.objects.create_user(email="ana@example.org")
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="ana@example.org")


def test_only_supported_languages_can_be_stored():
    user = User.objects.create_user(email="ana@example.org")
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=user.pk).update(preferred_language="fr")


def test_superuser_is_staff():
    admin = User.objects.create_superuser(email="admin@example.org", password="a-long-password-1")
    assert admin.is_staff and admin.is_superuser
