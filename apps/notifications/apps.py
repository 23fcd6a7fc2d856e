from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "apps.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.notifications.personal_data import ENTRIES

        declare(*ENTRIES)
