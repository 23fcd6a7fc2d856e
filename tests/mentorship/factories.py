from datetime import timedelta

import factory
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.mentorship.models import MentorProfile, MentorshipAsk
from tests.accounts.factories import UserFactory


class MentorFactory(factory.django.DjangoModelFactory):
    """A listed mentor (approved, agreed to the code of conduct, with room), an electrician
    in Chicago who mentors in Spanish and English online and in person, with their search
    entry as the services keep it."""

    class Meta:
        model = MentorProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("user")
    headline_es = factory.Sequence(lambda n: f"Electricista con licencia {n}")
    headline_en = factory.Sequence(lambda n: f"Licensed electrician {n}")
    helps_with_es = "Te ayudo a sacar tu licencia de electricista."
    helps_with_en = "I help you get your electrician license."
    story_es = "Llegué a los 15 años."
    story_en = "I came at 15."
    occupations_es = "electricista"
    occupations_en = "electrician"
    skills_es = "licencias, OSHA 10"
    skills_en = "licensing, OSHA 10"
    industries = factory.LazyFunction(lambda: ["trades", "construction"])
    languages = factory.LazyFunction(lambda: ["es", "en"])
    meeting_modes = factory.LazyFunction(lambda: ["online", "in_person"])
    zip_code = "60623"
    hours_per_month = 4
    capacity = 3
    conduct_agreed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    status = PublicationStatus.PUBLISHED
    submitted_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            search_index(self)


class ApplicationFactory(MentorFactory):
    """An application waiting for review."""

    status = PublicationStatus.PENDING
    published_at = None


class AskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorshipAsk

    user = factory.SubFactory(UserFactory)
    goal = "Quiero sacar mi licencia de electricista."
    industry = "trades"
    skills = "electricista"
    language = "es"
    meeting_mode = "online"
