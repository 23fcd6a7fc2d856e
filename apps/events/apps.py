from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from apps.core.personal_data import declare
        from apps.core.services import audit_actions
        from apps.events.digest import NewEvents
        from apps.events.emails import event_changed, event_message, event_offer, event_reminder
        from apps.events.personal_data import ENTRIES
        from apps.events.summary import EventsToCurate
        from apps.notifications.registry import (
            EmailTopic,
            digest_sections,
            email_kinds,
            email_topics,
            summary_sections,
        )

        declare(*ENTRIES)
        email_kinds.register("event_offer", event_offer)
        email_kinds.register("event_changed", event_changed)
        email_kinds.register("event_message", event_message)
        email_kinds.register("event_reminder", event_reminder)
        email_topics.register(
            "event_notices",
            EmailTopic(
                _("Seats offered to me, changes and messages about events I registered for"),
                default=True,
            ),
        )
        email_topics.register(
            "event_reminders",
            EmailTopic(_("Reminders a week and a day before events I registered for"), default=True),
        )
        digest_sections.register("events", NewEvents)
        summary_sections.register("events", EventsToCurate)
        for action, label in (
            ("register", _("Registered")),
            ("cancel registration", _("Registration cancelled")),
            ("confirm seat", _("Offered seat confirmed")),
            ("check in", _("Checked in at the door")),
            ("message registered", _("Message sent to people registered")),
        ):
            audit_actions.register(action, label)
