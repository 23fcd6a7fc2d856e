from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from apps.core.dashboard import CORE_FIGURES, dashboard_declare
        from apps.core.indexing import index_after_transition
        from apps.core.pagecache import pages_changed_after_transition
        from apps.core.personal_data import CORE_ENTRIES, declare
        from apps.core.roles import sync_curators_group
        from apps.core.services import after_transition

        declare(*CORE_ENTRIES)
        # Permissions exist only once every app has migrated, hence post_migrate.
        post_migrate.connect(sync_curators_group, dispatch_uid="sync_curators_group")
        # Each change of state adds or removes the item's search entry, in its transaction.
        after_transition.register("search_index", index_after_transition)
        # Cached public pages of the item's type are not served again once it commits.
        after_transition.register("page_cache", pages_changed_after_transition)
        dashboard_declare(figures=CORE_FIGURES)


class CaminoAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, with Camino's site (apps.core.admin.CaminoAdminSite)."""

    default = False  # apps.core is CoreConfig
    default_site = "apps.core.admin.CaminoAdminSite"
