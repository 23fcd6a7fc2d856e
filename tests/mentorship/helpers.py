"""Mentors for the match tests, made directly with the ORM (the mentors' own forms and
vetting live elsewhere): approved, agreed to the code of conduct, not paused."""

from django.utils import timezone

from apps.core.indexing import search_index
from apps.mentorship.models import MentorProfile
from apps.notifications.models import Delivery
from apps.notifications.services import deliveries_send
from tests.accounts.factories import UserFactory


def listed_mentor(*, user=None, capacity: int = 2, **fields) -> MentorProfile:
    values = {
        "headline_en": "Electrician for 12 years",
        "headline_es": "Electricista desde hace 12 años",
        "helps_with_en": "Licences, apprenticeships",
        "languages": ["es", "en"],
        "meeting_modes": ["online"],
        "industries": ["construction"],
        "hours_per_month": 6,
        "status": "published",
        "published_at": timezone.now(),
        "conduct_agreed_at": timezone.now(),
        **fields,
    }
    profile = MentorProfile.objects.create(
        user=user or UserFactory(preferred_language="en", display_name="Marcus"),
        capacity=capacity,
        **values,
    )
    search_index(profile)  # listed, as the vetting services leave a mentor
    return profile


def send_due() -> None:
    """Send what is due now, as the worker enqueued at commit (or the sweeper) would."""
    ids = list(
        Delivery.objects.filter(status="pending", due_at__lte=timezone.now()).values_list(
            "pk", flat=True
        )
    )
    if ids:
        deliveries_send(ids)
