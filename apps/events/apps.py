from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def event_is_listed(event) -> bool:
    """An event has a search entry while published and upcoming: every search leaves out
    those that are over or called off, and their entries would only grow the table that
    each search reads (core removes them daily, search_unlisted_remove)."""
    from apps.core.models import PublicationStatus

    listed = event.status == PublicationStatus.PUBLISHED
    return listed and not event.is_past and not event.is_cancelled


def listed_events(events):
    from apps.core.models import PublicationStatus

    return events.filter(status=PublicationStatus.PUBLISHED).upcoming()


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from apps.core.curation import curation_reason_register, review_reasons
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import (
            HomeEntry,
            NavigationEntry,
            PersonalSection,
            home_entries,
            navigation,
            personal_sections,
        )
        from apps.core.services import after_transition, audit_actions, audit_notes_register
        from apps.events.digest import NewEvents
        from apps.events.emails import event_changed, event_message, event_offer, event_reminder
        from apps.events.models import Event, EventSearchEntry, RegistrationStatus
        from apps.events.my_camino import events_section
        from apps.events.personal_data import ENTRIES
        from apps.events.registrations import registrations_follow_change
        from apps.events.services import on_event_changed, series_follow
        from apps.events.summary import EventsToCurate
        from apps.notifications.registry import (
            EmailTopic,
            digest_sections,
            email_kind_register,
            email_topics,
            summary_sections,
        )

        search_type_register(
            SearchType(
                entry=EventSearchEntry,
                title_fields=("title",),
                body_fields=("summary", "description", "venue_name", "city"),
                columns=EventSearchEntry.columns,
                location=ZipLocation("zip_code"),
                is_listed=event_is_listed,
                listed=listed_events,
            )
        )
        from apps.core.registry import OrganizationSection, organization_sections
        from apps.organizations.sections import OFFERED_TEMPLATE, Offered

        organization_sections.register(
            "events",
            OrganizationSection(
                _("Upcoming events"),
                OFFERED_TEMPLATE,
                Offered("events.Event", ("published", "upcoming"), ("starts_at", "pk")),
            ),
        )
        navigation.register("events", NavigationEntry(_("Events"), "events:list"))
        home_entries.register(
            "events",
            HomeEntry(
                title=_("Fairs, workshops and webinars"),
                text=_(
                    "Career fairs, free workshops on resumes, taxes with an ITIN or your "
                    "rights, and webinars, in Spanish and English. Each one says whether you "
                    "need an ID to get in."
                ),
                url_name="events:list",
                link_label=_("Find an event"),
            ),
        )
        declare(*ENTRIES)
        personal_sections.register(
            "events",
            PersonalSection(
                title=_("My events"), template="events/includes/my_camino_events.html",
                load=events_section, empty_url_name="events:list",
                empty_text=_("You are not registered for any event to come."),
                empty_link_label=_("Find an event"),
            ),
        )  # fmt: skip
        publishable_types.register(
            "events",
            PublishableType(
                Event, _("Events waiting for review"),
                preview_template="events/includes/event_preview.html",
                manage_template="events/event_manage.html",
                edit_url_name="events:edit", renewable=False,
            ),
        )  # fmt: skip
        curation_reason_register(*review_reasons("events"))
        # Sending the first event of a series for review, and reviewing it, does the same to
        # the occurrences that follow it.
        after_transition.register("event_series", series_follow)
        audit_actions.register("cancel", _("Cancelled"))
        audit_actions.register("move", _("Moved to a new time"))
        audit_actions.register("repeat", _("Repeated as a series"))

        # Registering: people registered or waiting hear of a cancelled or moved event.
        on_event_changed.register("registrations", registrations_follow_change)
        email_kind_register("event_offer", event_offer, _("A seat offered at an event"))
        email_kind_register("event_changed", event_changed, _("An event changed or cancelled"))
        email_kind_register(
            "event_message", event_message, _("A message from the organizer of an event")
        )
        email_kind_register("event_reminder", event_reminder, _("A reminder of an event"))
        email_topics.register(
            "event_notices",
            EmailTopic(
                _("Seats offered to me, changes and messages about events I registered for"),
                default=True,
            ),
        )
        email_topics.register(
            "event_reminders",
            EmailTopic(
                _("Reminders a week and a day before events I registered for"), default=True
            ),
        )
        digest_sections.register("events", NewEvents)
        summary_sections.register("events", EventsToCurate)
        for action, label in (
            # Its note is the registration's state (a seat, or a place on the waiting list).
            ("register", _("Signed up for the event")),
            ("cancel registration", _("Registration cancelled")),
            ("confirm seat", _("Offered seat confirmed")),
            ("check in", _("Checked in at the door")),
            ("message registered", _("Message sent to people registered")),
        ):
            audit_actions.register(action, label)
        audit_notes_register("register", RegistrationStatus)
        # Its figures on curation's dashboard.
        from apps.core.dashboard import dashboard_declare
        from apps.events.figures import FIGURES as dashboard_entries

        dashboard_declare(figures=dashboard_entries)

        from apps.core.imports import import_resources
        from apps.events.imports import RESOURCE

        import_resources.register("events", RESOURCE)
