from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "apps.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.core.services import after_transition
        from apps.notifications.digest import weekly_digest
        from apps.notifications.personal_data import ENTRIES
        from apps.notifications.publication import publication_notice, publication_notice_queue
        from apps.notifications.registry import (
            EmailTopic,
            email_kind_register,
            email_topics,
            summary_sections,
        )
        from apps.notifications.summary import ToCheckAgain, staff_summary

        after_transition.register("publication_notice", publication_notice_queue)
        email_kind_register(
            "publication_notice", publication_notice, _("News about a listing you sent")
        )
        email_kind_register("weekly_digest", weekly_digest, _("Weekly digest"))
        email_kind_register("staff_summary", staff_summary, _("Daily summary for staff"))
        # Last in the summary: what every app registered to be checked again.
        summary_sections.register("to_check_again", ToCheckAgain)
        email_topics.register(
            "listing_notices", EmailTopic(_("News about the listings I submitted"), default=True)
        )
        email_topics.register(
            "weekly_digest",
            EmailTopic(_("A weekly digest of what is new for me, in one email"), default=False),
        )
        email_topics.register(
            "staff_summary",
            EmailTopic(_("Daily summary for staff"), default=True, staff_only=True),
        )

        declare(*ENTRIES)
        # Its figures on curation's dashboard.
        from apps.core.dashboard import dashboard_declare
        from apps.notifications.figures import FIGURES as dashboard_entries

        dashboard_declare(figures=dashboard_entries)
