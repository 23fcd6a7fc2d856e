from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "apps.jobs"
    label = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.jobs.personal_data import ENTRIES

        declare(*ENTRIES)
