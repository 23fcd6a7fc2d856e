"""Who may do what. Curators are nonprofit staff in the "Curators" group: they review,
publish, verify and expire everything partners submit, in Camino's pages and in the admin."""

from django.apps import apps as django_apps
from django.contrib.auth.models import AnonymousUser

from apps.accounts.models import User

CURATORS_GROUP = "Curators"

# Apps whose records curators manage fully in the admin; people's accounts are not among them.
NOT_CURATED = {"accounts"}


def is_curator(user: User | AnonymousUser) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: templates and services ask several times per request.
    if not hasattr(user, "_is_curator"):
        user._is_curator = user.groups.filter(name=CURATORS_GROUP).exists()
    return user._is_curator


def curators():
    """Every curator, as a query: the same rule as is_curator()."""
    from django.contrib.auth.models import Group
    from django.db.models import Q

    group = Group.objects.filter(name=CURATORS_GROUP)
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(groups__in=group))
        .distinct()
    )


def sync_curators_group(**kwargs) -> None:
    """Create the Curators group and give it every permission on Camino's content apps, and
    view-only access to the audit log."""
    from django.contrib.auth.models import Group, Permission

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
