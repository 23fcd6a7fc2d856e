from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "apps.organizations"
    label = "organizations"
    verbose_name = _("Organizations")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.organizations.personal_data import ENTRIES

        declare(*ENTRIES)
