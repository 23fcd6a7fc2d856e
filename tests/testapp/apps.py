from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only models that exercise Camino's shared pieces before real apps use them."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from apps.core.personal_data import KEEP, PersonalData, declare
        from apps.notifications.kinds import KINDS

        KINDS["meeting_reminder"] = "tests.testapp.mail.meeting_reminder"
        declare(
            PersonalData(
                name="testapp_notices", model="testapp.Notice", title="Notices",
                field="created_by", on_erase=KEEP,
            )
        )  # fmt: skip
