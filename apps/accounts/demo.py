"""Demo accounts for trying Camino. Their email addresses are already verified."""

from collections.abc import Iterator
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from apps.accounts.models import Language, User
from apps.core.roles import CURATORS_GROUP

DEMO_PASSWORD = "camino-demo-2026"  # noqa: S105 - demo data only, refused when DEBUG is off

DEMO_USERS: list[dict[str, Any]] = [
    {"email": "ana@example.org", "display_name": "Ana", "preferred_language": Language.SPANISH},
    {"email": "sam@example.org", "display_name": "Sam", "preferred_language": Language.ENGLISH},
    {
        "email": "staff@example.org",
        "display_name": "Rosa (staff)",
        "preferred_language": Language.SPANISH,
        "is_staff": True,
    },
]


def load() -> Iterator[str]:
    for fields in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=fields["email"], defaults={k: v for k, v in fields.items() if k != "email"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if user.is_staff:
            user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        yield f"demo account {user.email} / {DEMO_PASSWORD}" + (" (staff)" if user.is_staff else "")
