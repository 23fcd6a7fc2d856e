from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurationConfig(AppConfig):
    """Staff's workspace: one queue across every app, claims, bulk actions, translation side
    by side, the audit log, imports and exports, organizations, and how Camino is doing. It
    reads what the other apps declare (apps.core.registry); none of them imports it."""

    name = "apps.curation"
    label = "curation"
    verbose_name = _("Curation")

    def ready(self):
        # Each part declares what it adds to the shared pieces in its own module.
        from apps.core.personal_data import declare
        from apps.core.registry import NavigationEntry, navigation
        from apps.core.services import audit_actions
        from apps.curation.personal_data import ENTRIES

        declare(*ENTRIES)
        navigation.register(
            "curation", NavigationEntry(_("Curation"), "curation:queue", staff=True)
        )
        for action, label in (
            ("claim", _("Claimed")),
            ("claim release", _("Claim released")),
            ("claim assign", _("Assigned")),
        ):
            audit_actions.register(action, label)
