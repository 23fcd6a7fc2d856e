"""Who may do what. Curators are nonprofit staff in the "Curators" group: they review,
publish, verify and expire everything partners submit, in Camino's pages and in the admin."""

from typing import Any, Protocol

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model


class Person(Protocol):
    """What core needs of a user, signed in or not (core names no user model: the project's
    is settings.AUTH_USER_MODEL)."""

    @property
    def pk(self) -> Any: ...
    @property
    def is_authenticated(self) -> bool: ...
    @property
    def is_active(self) -> bool: ...
    @property
    def is_staff(self) -> bool: ...
    @property
    def is_superuser(self) -> bool: ...
    @property
    def groups(self) -> Any: ...


CURATORS_GROUP = "Curators"
# Curators who also hand work to colleagues (assign items in the curation workspace).
LEAD_CURATORS_GROUP = "Lead curators"

# Apps whose records curators manage fully in the admin; people's accounts are not among them.
NOT_CURATED = {"accounts"}


def _in_group(user: Person, name: str) -> bool:
    # Cached on the user object: templates and services ask several times per request.
    groups = vars(user).setdefault("_camino_groups", {})
    if name not in groups:
        groups[name] = user.groups.filter(name=name).exists()
    return groups[name]


def is_curator(user: Person) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or _in_group(user, CURATORS_GROUP)


def is_lead_curator(user: Person) -> bool:
    if not is_curator(user):
        return False
    return user.is_superuser or _in_group(user, LEAD_CURATORS_GROUP)


def curators():
    """Every curator, as a query: the same rule as is_curator()."""
    from django.db.models import Exists, OuterRef, Q

    user_model = get_user_model()
    # Staff are few (a partial index holds them): each is checked for the group, rather than
    # every account joined to its groups and made distinct.
    memberships = user_model.groups.through.objects.filter(
        user=OuterRef("pk"), group__name=CURATORS_GROUP
    )
    return user_model.objects.filter(is_active=True, is_staff=True).filter(
        Q(is_superuser=True) | Exists(memberships)
    )


def sync_curators_group(**kwargs) -> None:
    """Create the Curators group and give it every permission on Camino's content apps, and
    view-only access to the audit log."""
    from django.contrib.auth.models import Group, Permission

    Group.objects.get_or_create(name=LEAD_CURATORS_GROUP)  # a mark only: no permissions
    group, _ = Group.objects.get_or_create(name=CURATORS_GROUP)
    labels = [
        config.label
        for config in django_apps.get_app_configs()
        if config.name.startswith("apps.") and config.label not in NOT_CURATED | {"core"}
    ]
    permissions = Permission.objects.filter(content_type__app_label__in=labels) | (
        Permission.objects.filter(content_type__app_label="core", codename__startswith="view_")
    )
    group.permissions.set(permissions)
