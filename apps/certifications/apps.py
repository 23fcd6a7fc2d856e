from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationsConfig(AppConfig):
    name = "apps.certifications"
    label = "certifications"
    verbose_name = _("Certifications and training")

    def ready(self):
        # Each part declares what it adds to the shared pieces in its own module.
        from apps.certifications.credential_setup import credentials_register
        from apps.certifications.guide_setup import guides_register
        from apps.certifications.pathway_setup import pathways_register
        from apps.certifications.personal_data import ENTRIES
        from apps.certifications.plan_setup import plan_register
        from apps.certifications.training_setup import trainings_register
        from apps.core.personal_data import declare

        credentials_register()
        pathways_register()
        trainings_register()
        guides_register()
        plan_register()
        declare(*ENTRIES)

        from apps.certifications.imports import CREDENTIALS, TRAININGS
        from apps.core.imports import import_resources

        import_resources.register("credentials", CREDENTIALS)
        import_resources.register("trainings", TRAININGS)
