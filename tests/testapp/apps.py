from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only models that exercise Camino's shared pieces before real apps use them."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from django.forms import modelform_factory

        from apps.core.publishable import PublishableType, publishable_types
        from apps.notifications.registry import email_kinds
        from tests.testapp.mail import meeting_reminder
        from tests.testapp.models import Workshop

        email_kinds.register("meeting_reminder", meeting_reminder)
        # A whole publishable type: its model (models.py) and this declaration.
        form = modelform_factory(Workshop, fields=["organization", "title"])
        kind = PublishableType(Workshop, "Workshops to review", form)
        publishable_types.register("workshops", kind)
