"""Factories of a seeker's plan, and of the credentials and trainings a step can be linked
to (published, with only what a plan reads of them)."""

from datetime import timedelta

import factory
from django.utils import timezone

from apps.certifications.models import Credential, PlanStep, Training
from apps.core.models import PublicationStatus
from tests.accounts.factories import UserFactory
from tests.organizations.factories import OrganizationFactory


class CredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credential

    name_es = factory.Sequence(lambda n: f"Tarjeta OSHA 10 número {n}")
    name_en = factory.Sequence(lambda n: f"OSHA 10 card number {n}")
    slug = factory.Sequence(lambda n: f"osha-10-{n}")
    summary_es = "Seguridad en la construcción."
    summary_en = "Construction safety."
    kind = "course"
    issuing_body = "OSHA"
    official_url = "https://www.osha.gov/training/outreach"
    benefit = "required"
    format = "online"
    published = True
    published_at = factory.LazyFunction(timezone.now)


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    organization = factory.SubFactory(OrganizationFactory)
    title_es = factory.Sequence(lambda n: f"Curso de soldadura {n}")
    title_en = factory.Sequence(lambda n: f"Welding course {n}")
    summary_es = "Soldadura básica, por las tardes."
    summary_en = "Basic welding, in the evenings."
    category = "construction"
    format = "in_person"
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))


class PlanStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanStep

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Paso {n}")
    position = factory.Sequence(lambda n: n)
