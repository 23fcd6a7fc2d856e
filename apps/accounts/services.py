import logging
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from apps.accounts.models import Language, User
from apps.core import personal_data
from apps.core.personal_data import PersonalData
from apps.core.us import TimeZone

logger = logging.getLogger(__name__)


def user_set_language(*, user: User, language: str) -> None:
    """Remember the language a person chose, for their pages and the emails they get."""
    _user_choice_save(user, "preferred_language", language, Language.values)


def user_set_time_zone(*, user: User, time_zone: str) -> None:
    """Remember the time zone in which a person reads the times of events and reminders."""
    _user_choice_save(user, "time_zone", time_zone, TimeZone.values)


def _user_choice_save(user: User, field: str, value: str, allowed: list[str]) -> None:
    if value not in allowed:
        raise ValueError(f"Unsupported {field}: {value!r}")
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(**{field: value})
    setattr(user, field, value)


def personal_data_export(*, user: User) -> list[tuple[PersonalData, list[Mapping[str, Any]]]]:
    """Everything Camino holds about the person, read in one transaction so that the parts
    agree with each other."""
    with transaction.atomic():
        return personal_data.export(user)


def account_delete(*, user: User) -> None:
    """Delete the person's account and everything that names them (apps.core.personal_data);
    what others rely on (listings, reports, audit entries) stays without them. All or
    nothing, in one transaction."""
    with transaction.atomic():
        personal_data.erase(user)
        User.objects.filter(pk=user.pk).delete()
    # No audit entry: it would have to name the account.
    logger.info("An account was deleted at its owner's request")
