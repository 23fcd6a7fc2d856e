from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from apps.accounts.personal_data import ENTRIES
        from apps.accounts.roles import sync_curators_group
        from apps.core.personal_data import declare

        declare(*ENTRIES)

        # Permissions exist only once every app has migrated, hence post_migrate.
        post_migrate.connect(sync_curators_group, dispatch_uid="sync_curators_group")
