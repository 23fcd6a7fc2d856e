from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "apps.mentorship"
    label = "mentorship"
    verbose_name = _("Mentorship")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.mentorship.personal_data import ENTRIES

        declare(*ENTRIES)
