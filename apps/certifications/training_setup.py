"""What trainings declare to the shared pieces (called from CertificationsConfig.ready()):
the review workflow, the search index, the weekly digest and the staff summary."""

from django.utils.translation import gettext_lazy as _


def trainings_register() -> None:
    from apps.certifications.models import Training, TrainingSearchEntry
    from apps.certifications.training_digest import TrainingsStartingSoon, TrainingsToCurate
    from apps.certifications.training_services import (
        TrainingLocation,
        training_entry_columns,
        training_is_listed,
        training_keep_listed,
        trainings_listed,
    )
    from apps.core.curation import curation_reason_register, review_reasons
    from apps.core.indexing import SearchType, search_type_register
    from apps.core.publishable import PublishableType, publishable_types
    from apps.core.services import after_transition
    from apps.notifications.registry import digest_sections, summary_sections

    publishable_types.register(
        "trainings",
        PublishableType(
            Training, _("Trainings waiting for review"),
            preview_template="certifications/includes/training_preview.html",
            edit_url_name="certifications:training_edit",
        ),
    )  # fmt: skip
    curation_reason_register(*review_reasons("trainings"))
    after_transition.register("training_listing_period", training_keep_listed)
    search_type_register(
        SearchType(
            entry=TrainingSearchEntry,
            title_fields=("title",),
            body_fields=("summary", "description", "schedule", "venue_name", "city"),
            columns=training_entry_columns,
            location=TrainingLocation(),
            is_listed=training_is_listed,
            listed=trainings_listed,
        )
    )
    from apps.core.registry import OrganizationSection, organization_sections
    from apps.organizations.sections import OFFERED_TEMPLATE, Offered

    organization_sections.register(
        "trainings",
        OrganizationSection(
            _("Trainings"),
            OFFERED_TEMPLATE,
            Offered("certifications.Training", ("listed",), ("title", "pk")),
        ),
    )
    digest_sections.register("trainings", TrainingsStartingSoon)
    summary_sections.register("trainings", TrainingsToCurate)
