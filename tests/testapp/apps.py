from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only models that exercise Camino's shared pieces before real apps use them."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from apps.core.review import PublishableType, publishable_types
        from apps.notifications.registry import email_kinds
        from tests.testapp.mail import meeting_reminder
        from tests.testapp.models import Workshop

        email_kinds.register("meeting_reminder", meeting_reminder)
        publishable_types.register("workshops", PublishableType(Workshop, "Workshops to review"))
