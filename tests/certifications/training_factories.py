"""Trainings with their start dates, and the credentials they prepare for, as the services
leave them (the date it is listed until, its search entry)."""

from datetime import timedelta

import factory
from django.utils import timezone

from apps.certifications.models import Credential, Training, TrainingStart
from apps.certifications.training_services import training_expiry
from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from tests.organizations.factories import OrganizationFactory


def days_from_today(days: int):
    return timezone.localdate() + timedelta(days=days)


def next_month_start():
    """The first of next month when that is within 30 days (on the 1st of a long month, the
    last day of this one), so "starts within 30 days" finds a training starting then."""
    today = days_from_today(0)
    first_of_next = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    return min(first_of_next, days_from_today(30))


class TrainingCredentialFactory(factory.django.DjangoModelFactory):
    """A published credential, enough for a training to prepare for it."""

    class Meta:
        model = Credential

    name_es = factory.Sequence(lambda n: f"Certificado de seguridad {n}")
    name_en = factory.Sequence(lambda n: f"Safety certificate {n}")
    slug = factory.Sequence(lambda n: f"safety-{n}")
    summary_es = "Seguridad en la obra."
    summary_en = "Safety on the job site."
    kind = "certification"
    issuing_body = "OSHA"
    official_url = "https://www.osha.gov/training/outreach"
    categories = factory.LazyFunction(lambda: ["construction"])
    benefit = "required"
    format = "in_person"
    exam_languages = factory.LazyFunction(lambda: ["es", "en"])
    published = True
    published_at = factory.LazyFunction(timezone.now)


class TrainingFactory(factory.django.DjangoModelFactory):
    """A published OSHA 10 course in Chicago taught in Spanish, starting in 20 days
    (`starts=[days...]` for other dates, `credentials=[...]` to link some)."""

    class Meta:
        model = Training
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title_es = factory.Sequence(lambda n: f"Curso OSHA 10 {n}")
    title_en = factory.Sequence(lambda n: f"OSHA 10 course {n}")
    summary_es = "Diez horas de seguridad en la construcción."
    summary_en = "Ten hours of construction safety."
    description_es = "Clases prácticas con un instructor autorizado."
    description_en = "Hands-on classes with an authorized trainer."
    category = "construction"
    format = "in_person"
    languages = factory.LazyFunction(lambda: ["es"])
    cost = 60
    venue_name = "Centro Comunitario Pilsen"
    address = "1800 S Blue Island Ave"
    city = "Chicago"
    state = "IL"
    zip_code = "60608"
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    expires_on = factory.LazyFunction(training_expiry)

    @factory.post_generation
    def credentials(self, create, extracted, **kwargs):
        if create and extracted:
            self.credentials.set(extracted)

    @factory.post_generation
    def starts(self, create, extracted, **kwargs):
        if not create:
            return
        for days in [20] if extracted is None else extracted:
            TrainingStart.objects.create(training=self, starts_on=days_from_today(days))
        search_index(self)
