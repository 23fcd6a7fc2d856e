"""Certifications' personal data (apps.core.personal_data): trainings a partner submitted stay
with their organization, without them."""

from django.utils.translation import gettext_lazy as _

from apps.certifications.models import Training
from apps.core.personal_data import KEEP, PersonalData


def submitted_training_rows(user):
    trainings = Training.objects.filter(created_by=user).select_related("organization")
    for training in trainings.order_by("created_at", "id"):
        yield {
            "training": str(training),
            "organization": training.organization.name,
            "status": training.get_status_display(),
            "created_at": training.created_at,
        }


TRAININGS_SUBMITTED = PersonalData(
    name="trainings_submitted",
    model="certifications.Training",
    title=_("Trainings you created"),
    field="created_by",
    on_erase=KEEP,
    columns=(
        ("training", _("Training")),
        ("organization", _("Organization")),
        ("status", _("Status")),
        ("created_at", _("Created")),
    ),
    rows=submitted_training_rows,
)
