from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "apps.certifications"
    label = "certifications"
    verbose_name = _("Certifications and training")

    def ready(self):
        # Credentials and their state rules (apps/certifications/credential_setup.py)
        from apps.certifications.credential_setup import credentials_register

        credentials_register()
