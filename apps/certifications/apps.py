from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "apps.certifications"
    label = "certifications"
    verbose_name = _("Certifications and training")

    def ready(self):
        from apps.certifications.plan_setup import plan_register

        plan_register()  # a seeker's plan: reminders, personal data, My Camino
