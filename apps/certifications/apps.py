from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "apps.certifications"
    label = "certifications"
    verbose_name = _("Certifications and training")

    def ready(self):
        from apps.certifications.training_setup import trainings_declare

        trainings_declare()
