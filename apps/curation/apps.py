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
        from apps.core.demo_data import after_demo_load
        from apps.core.personal_data import declare
        from apps.core.registry import NavigationEntry, navigation
        from apps.core.services import audit_actions
        from apps.curation.dashboard import figures_refresh_line
        from apps.curation.links import declare as declare_links
        from apps.curation.organization_emails import organization_notice, organization_notice_queue
        from apps.curation.personal_data import ENTRIES
        from apps.notifications.registry import email_kind_register
        from apps.organizations.services import organization_changed

        declare(*ENTRIES)
        declare_links()
        navigation.register(
            "curation", NavigationEntry(_("Curation"), "curation:queue", staff=True)
        )
        email_kind_register(
            "organization_notice", organization_notice, _("News about your organization")
        )
        # The demo's dashboard has figures at once, as the periodic task would store them.
        after_demo_load.register("dashboard_figures", figures_refresh_line)
        organization_changed.register("emails", organization_notice_queue)
        for action, label in (
            ("claim", _("Claimed")),
            ("claim release", _("Claim released")),
            ("claim assign", _("Assigned")),
            ("import", _("File imported")),
            ("import create", _("Created by an import")),
            ("import update", _("Updated by an import")),
        ):
            audit_actions.register(action, label)
