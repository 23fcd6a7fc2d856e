from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "apps.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import HomeEntry, NavigationEntry, home_entries, navigation
        from apps.core.services import after_transition, audit_actions
        from apps.events.models import Event, EventSearchEntry
        from apps.events.personal_data import ENTRIES
        from apps.events.services import series_follow

        search_type_register(
            SearchType(
                entry=EventSearchEntry,
                title_fields=("title",),
                body_fields=("summary", "description", "venue_name", "city"),
                columns=EventSearchEntry.columns,
                location=ZipLocation("zip_code"),
            )
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
        publishable_types.register(
            "events",
            PublishableType(
                Event, _("Events waiting for review"),
                preview_template="events/includes/event_preview.html",
                manage_template="events/event_manage.html",
                edit_url_name="events:edit", renewable=False,
            ),
        )  # fmt: skip
        # Sending the first event of a series for review, and reviewing it, does the same to
        # the occurrences that follow it.
        after_transition.register("event_series", series_follow)
        audit_actions.register("cancel", _("Cancelled"))
        audit_actions.register("move", _("Moved to a new time"))
        audit_actions.register("repeat", _("Repeated as a series"))
