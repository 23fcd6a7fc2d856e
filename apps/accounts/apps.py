from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from apps.accounts.personal_data import ENTRIES
        from apps.core.personal_data import declare

        declare(*ENTRIES)
        # Its figures on curation's dashboard.
        from apps.accounts.figures import FIGURES as dashboard_entries
        from apps.core.dashboard import dashboard_declare

        dashboard_declare(figures=dashboard_entries)
