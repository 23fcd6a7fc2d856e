import zoneinfo
from datetime import timedelta

import factory
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.events.models import Event, EventQuestion
from tests.organizations.factories import OrganizationFactory


def in_days(days: int, hour: int = 10):
    """A time `days` from today at `hour` o'clock, Chicago time (the site's zone)."""
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A published workshop in Chicago next week, derived fields filled in as the services
    do (the date it is listed until, its search entry)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title_es = factory.Sequence(lambda n: f"Taller de currículum {n}")
    title_en = factory.Sequence(lambda n: f"Resume workshop {n}")
    summary_es = "Aprende a escribir tu currículum."
    summary_en = "Learn to write your resume."
    description_es = "Una sesión práctica con computadoras."
    description_en = "A hands-on session with computers."
    kind = "workshop"
    topic = "resume"
    language = "es"
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    time_zone = "America/Chicago"
    format = "in_person"
    venue_name = "Biblioteca Toman"
    address = "2708 S Pulaski Rd"
    city = "Chicago"
    state = "IL"
    zip_code = "60623"
    id_at_the_door = "no"
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    expires_on = factory.LazyAttribute(
        lambda event: event.ends_at.astimezone(zoneinfo.ZoneInfo(event.time_zone)).date()
    )

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            search_index(self)


class EventQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventQuestion

    event = factory.SubFactory(EventFactory)
    prompt_es = "¿Qué talla de camiseta usas?"
    prompt_en = "What T-shirt size do you wear?"
    kind = EventQuestion.Kind.CHOICE
    choices_es = "Chica\nMediana\nGrande"
    choices_en = "Small\nMedium\nLarge"
