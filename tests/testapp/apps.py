from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """Test-only models that exercise Camino's shared pieces before real apps use them."""

    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import KEEP, PersonalData, declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.verification import checked_types
        from apps.notifications.registry import email_kind_register
        from tests.testapp.checked import LEAFLETS
        from tests.testapp.mail import meeting_reminder
        from tests.testapp.models import Workshop, WorkshopForm
        from tests.testapp.searchable import SearchableWorkshopEntry, workshop_columns

        email_kind_register("meeting_reminder", meeting_reminder, "Meeting reminder")
        declare(
            PersonalData(
                name="testapp_notices", model="testapp.Notice", title="Notices",
                field="created_by", on_erase=KEEP,
            ),
            PersonalData(
                name="testapp_searchable_workshops", model="testapp.SearchableWorkshop",
                title="Workshops", field="created_by", on_erase=KEEP,
            ),
            PersonalData(
                name="testapp_leaflets", model="testapp.Leaflet", title="Leaflets",
                field="checked_by", on_erase=KEEP,
            ),
            PersonalData(
                name="testapp_workshops", model="testapp.Workshop", title="Workshops",
                field="created_by", on_erase=KEEP,
            ),
        )  # fmt: skip
        search_type_register(
            SearchType(
                entry=SearchableWorkshopEntry,
                title_fields=("title",),
                body_fields=("description",),
                columns=workshop_columns,
                location=ZipLocation("zip_code"),
            )
        )
        # A whole publishable type: its model (models.py) and this declaration.
        kind = PublishableType(Workshop, "Workshops to review", WorkshopForm)
        publishable_types.register("workshops", kind)
        # A type staff check again every 180 days, while it is listed.
        checked_types.register("leaflets", LEAFLETS)
