"""Certifications' personal data (apps.core.personal_data): trainings a partner submitted stay
with their organization, without them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import listings_created

TRAININGS_SUBMITTED = listings_created(
    name="trainings_submitted", model="certifications.Training",
    title=_("Trainings you created"), item_label=_("Training"),
)  # fmt: skip
