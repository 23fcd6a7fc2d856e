from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "apps.mentorship"
    label = "mentorship"
    verbose_name = _("Mentorship")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.core.services import audit_actions
        from apps.mentorship.emails import match_changed, match_left, match_message
        from apps.mentorship.personal_data import ENTRIES
        from apps.mentorship.summary import MatchesToWatch
        from apps.notifications.registry import (
            EmailTopic,
            email_kinds,
            email_topics,
            summary_sections,
        )

        declare(*ENTRIES)

        # Matches: requests, answers, messages, feedback and conduct reports.
        email_kinds.register("match_changed", match_changed)
        email_kinds.register("match_message", match_message)
        email_kinds.register("match_left", match_left)
        email_topics.register(
            "mentorship_matches",
            EmailTopic(_("Requests, answers and changes in my mentoring matches"), default=True),
        )
        email_topics.register(
            "mentorship_messages",
            EmailTopic(_("New messages in my mentoring matches"), default=True),
        )
        email_topics.register(
            "mentorship_message_text",
            # Off by default: someone else may read a person's email on a shared phone.
            EmailTopic(
                _("Include the text of new mentoring messages in those emails"), default=False
            ),
        )
        summary_sections.register("mentorship_matches", MatchesToWatch)
        for action, label in (
            ("match request", _("Mentoring requested")),
            ("match propose", _("Mentoring match proposed")),
            ("match accept", _("Mentoring match accepted")),
            ("match decline", _("Mentoring request declined")),
            ("match cancel", _("Mentoring match cancelled")),
            ("match complete", _("Mentoring match completed")),
            ("match expire", _("Mentoring request expired")),
            ("match contact", _("Contact details shared changed")),
            ("match feedback", _("Feedback given")),
            ("match report", _("Conduct reported")),
            ("match pause", _("Match paused by staff")),
            ("match resume", _("Match resumed by staff")),
            ("mentor pause", _("Mentor paused by staff")),
            ("match report resolve", _("Conduct report resolved")),
            ("match read by staff", _("Match read by staff (after a report)")),
        ):
            audit_actions.register(action, label)
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
