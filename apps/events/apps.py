from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.events.personal_data import ENTRIES

        declare(*ENTRIES)
