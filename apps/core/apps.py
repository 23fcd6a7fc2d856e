from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "apps.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from apps.core.personal_data import CORE_ENTRIES, declare
        from apps.core.roles import sync_curators_group

        declare(*CORE_ENTRIES)
        # Permissions exist only once every app has migrated, hence post_migrate.
        post_migrate.connect(sync_curators_group, dispatch_uid="sync_curators_group")
