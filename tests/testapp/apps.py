from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only models that exercise Camino's shared pieces before real apps use them."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from apps.core.indexing import SearchType, search_type_register, zip_location
        from apps.notifications.registry import email_kinds
        from tests.testapp.mail import meeting_reminder
        from tests.testapp.searchable import SearchableWorkshopEntry

        email_kinds.register("meeting_reminder", meeting_reminder)
        search_type_register(
            SearchType(
                entry=SearchableWorkshopEntry,
                title_fields=("title",),
                body_fields=("description",),
                columns=lambda workshop: {"topic": workshop.topic},
                location=zip_location("zip_code"),
            )
        )
