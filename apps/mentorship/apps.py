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
        self.ready_sessions()

    def ready_sessions(self):
        """Sessions, goals and the dashboard (apps.mentorship.sessions, goals, dashboard)."""
        from apps.core.registry import NavigationEntry, navigation
        from apps.core.services import audit_actions
        from apps.mentorship.session_emails import (
            mentoring_session_changed,
            mentoring_session_reminder,
        )
        from apps.notifications.registry import EmailTopic, email_kinds, email_topics

        navigation.register(
            "mentoring_dashboard",
            NavigationEntry(_("My mentoring"), "mentorship:dashboard", signed_in=True),
        )
        email_kinds.register("mentoring_session_changed", mentoring_session_changed)
        email_kinds.register("mentoring_session_reminder", mentoring_session_reminder)
        email_topics.register(
            "mentoring_sessions",
            EmailTopic(
                _("Mentoring sessions proposed, confirmed, moved or cancelled"), default=True
            ),
        )
        email_topics.register(
            "mentoring_reminders",
            EmailTopic(_("Reminders a day and an hour before my mentoring sessions"),
                       default=True),
        )  # fmt: skip
        for action, label in (
            ("propose session", _("Mentoring session proposed")),
            ("confirm session", _("Mentoring session confirmed")),
            ("move session", _("Mentoring session moved")),
            ("cancel session", _("Mentoring session cancelled")),
        ):
            audit_actions.register(action, label)
