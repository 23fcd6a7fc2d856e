from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "apps.certifications"
    label = "certifications"
    verbose_name = _("Certifications and training")

    def ready(self) -> None:
        # Work-on-your-own guides: the shared guide type and the links to them.
        from apps.certifications.guide_setup import guides_register

        guides_register()
