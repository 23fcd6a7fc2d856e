"""One factory per certifications model, saved as Camino's services leave them: a published
credential or training has the search entry `apps.core.indexing.search_index` writes for it
(the same function the services call), so lists, searches and pathways find it; a draft or
unpublished one has none."""

from datetime import timedelta

import factory
from django.utils import timezone

from apps.certifications.models import (
    Credential,
    PlanStep,
    StateRule,
    Training,
    TrainingStart,
    WorkGuide,
    WorkGuideTopic,
)
from apps.certifications.training_services import training_expiry
from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.organizations.factories import OrganizationFactory


def days_from_today(days: int):
    return timezone.localdate() + timedelta(days=days)


def next_month_start():
    """The first of next month when that is within 30 days (on the 1st of a long month, the
    last day of this one), so "starts within 30 days" finds a training starting then."""
    today = days_from_today(0)
    first_of_next = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    return min(first_of_next, days_from_today(30))


class CredentialFactory(factory.django.DjangoModelFactory):
    """A published construction safety course card from OSHA, online, exam in English and
    Spanish, $80 for the course; indexed. `published=False` leaves it unpublished, without a
    publication date or search entry."""

    class Meta:
        model = Credential
        skip_postgeneration_save = True

    name_es = factory.Sequence(lambda n: f"Credencial {n}")
    name_en = factory.Sequence(lambda n: f"Credential {n}")
    slug = factory.Sequence(lambda n: f"credential-{n}")
    summary_es = "Un curso de seguridad."
    summary_en = "A safety course."
    kind = "course"
    issuing_body = "OSHA"
    official_url = "https://www.osha.gov/training/outreach"
    categories = factory.LazyFunction(lambda: ["construction"])
    benefit = "opens_doors"
    course_cost = 80
    format = "online"
    exam_languages = factory.LazyFunction(lambda: ["en", "es"])
    published = True
    published_at = factory.LazyAttribute(
        lambda credential: timezone.now() - timedelta(days=10) if credential.published else None
    )

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            search_index(self)


class StateRuleFactory(factory.django.DjangoModelFactory):
    """California's rule, open regardless of status, checked last month by a curator; its
    credential is indexed again, as the rule services do."""

    class Meta:
        model = StateRule
        skip_postgeneration_save = True

    credential = factory.SubFactory(CredentialFactory)
    state = "CA"
    rule = "open"
    note_es = "La junta no pregunta por el estatus."
    note_en = "The board does not ask about status."
    source_name = "California Business and Professions Code §135.5"
    source_url = "https://leginfo.legislature.ca.gov/"
    checked_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    checked_by = factory.SubFactory(CuratorFactory)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            search_index(self.credential)


class TrainingFactory(factory.django.DjangoModelFactory):
    """A published OSHA 10 course in Chicago taught in Spanish, $60, starting in 20 days;
    indexed. `starts=[days, ...]` for other start dates (`starts=[]` for none),
    `credentials=[...]` for the credentials it prepares for, `online=True` for one taught
    online with no place (and, unless given, open to start any time with no dates)."""

    class Meta:
        model = Training
        skip_postgeneration_save = True

    class Params:
        online = factory.Trait(
            format="online",
            venue_name="",
            address="",
            city="",
            state="",
            zip_code="",
            rolling_enrollment=True,
        )

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
        """Start dates, in days from today; by default one in 20 days, or none for a
        training online that starts any time."""
        if not create:
            return
        if extracted is None:
            extracted = [] if self.rolling_enrollment and self.format == "online" else [20]
        for days in extracted:
            TrainingStart.objects.create(training=self, starts_on=days_from_today(days))
        search_index(self)


class TrainingStartFactory(factory.django.DjangoModelFactory):
    """One more start date of a training, in 30 days. Index the training after
    (`search_index(start.training)`) for its next start to show in lists."""

    class Meta:
        model = TrainingStart

    training = factory.SubFactory(TrainingFactory, starts=[])
    starts_on = factory.LazyFunction(lambda: days_from_today(30))


class PlanStepFactory(factory.django.DjangoModelFactory):
    """A step of a seeker's plan, not done, linked to nothing."""

    class Meta:
        model = PlanStep

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Paso {n}")
    position = factory.Sequence(lambda n: n)


class WorkGuideFactory(factory.django.DjangoModelFactory):
    """A published guide on working with an ITIN, reviewed today by a curator."""

    class Meta:
        model = WorkGuide
        skip_postgeneration_save = True

    title_es = factory.Sequence(lambda n: f"Trabajar con un ITIN {n}")
    title_en = factory.Sequence(lambda n: f"Working with an ITIN {n}")
    summary_es = "El ITIN es un número del IRS para pagar impuestos."
    summary_en = "The ITIN is an IRS number for paying taxes."
    body_es = "## Cómo pedirlo\n\nLlene el **Formulario W-7** del IRS."
    body_en = "## How to apply\n\nFill in IRS **Form W-7**."
    topic = WorkGuideTopic.ITIN
    slug = factory.Sequence(lambda n: f"working-with-an-itin-{n}")
    published = True
    reviewed_at = factory.LazyFunction(timezone.now)
    reviewed_by = factory.SubFactory(CuratorFactory)
