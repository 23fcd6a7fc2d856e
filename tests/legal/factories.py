from datetime import time, timedelta

import factory
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.legal.models import (
    Accreditation,
    DetentionFacility,
    Guide,
    GuideTopic,
    LegalService,
    Location,
    Phone,
    Provider,
    Schedule,
    verification_expiry,
)
from apps.organizations.models import Organization
from tests.accounts.factories import CuratorFactory
from tests.organizations.factories import OrganizationFactory


class ProviderFactory(factory.django.DjangoModelFactory):
    """A published free legal aid provider in Chicago, verified last week, with one service
    (asylum) and one location; indexed as the services do."""

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    organization = factory.SubFactory(
        OrganizationFactory,
        kind=Organization.Kind.LEGAL_SERVICES,
        name=factory.Sequence(lambda n: f"Centro Legal {n}"),
    )
    description_es = "Ayuda legal gratuita para inmigrantes."
    description_en = "Free legal help for immigrants."
    application_process_es = "Llame para hacer una cita."
    application_process_en = "Call to make an appointment."
    provider_type = "legal_aid"
    cost = "free"
    languages = factory.LazyFunction(lambda: ["es", "en"])
    by_appointment = True
    accepting_new_cases = True
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
    verified_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    verified_what = factory.LazyFunction(lambda: ["address", "phones"])
    expires_on = factory.LazyAttribute(
        lambda provider: verification_expiry(timezone.localdate(provider.verified_at))
    )

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create:
            for code in extracted if extracted is not None else ["asylum"]:
                LegalService.objects.create(provider=self, code=code)

    @factory.post_generation
    def zip_code(self, create, extracted, **kwargs):
        """Its one location's ZIP code (None: no location)."""
        if create and extracted is not False:
            LocationFactory(provider=self, zip_code=extracted or "60623")

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            search_index(self)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    provider = factory.SubFactory(ProviderFactory, zip_code=False)
    name = "Oficina principal"
    address_1 = "2708 S Pulaski Rd"
    city = "Chicago"
    state = "IL"
    zip_code = "60623"
    time_zone = "America/Chicago"


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    location = factory.SubFactory(LocationFactory)
    weekday = 1
    opens_at = time(9)
    closes_at = time(17)
    attending_type = "appointment"


class PhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phone

    provider = factory.SubFactory(ProviderFactory)
    number = "3125550100"
    type = "voice"


class AccreditationFactory(factory.django.DjangoModelFactory):
    """A representative's DOJ accreditation for a year; its provider indexed again with it,
    as the services do."""

    class Meta:
        model = Accreditation
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    kind = "accredited_representative"
    person_name = "María López"
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))
    source = "DOJ EOIR roster of recognized organizations and accredited representatives"
    checked_on = factory.LazyFunction(timezone.localdate)

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            search_index(self.provider)


class DetentionFacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DetentionFacility

    name = factory.Sequence(lambda n: f"Processing Center {n}")
    city = "Broadview"
    state = "IL"


class GuideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guide

    title_es = factory.Sequence(lambda n: f"Sus derechos en el trabajo {n}")
    title_en = factory.Sequence(lambda n: f"Your rights at work {n}")
    summary_es = "Las leyes de salario protegen a todos los trabajadores."
    summary_en = "Wage laws protect every worker."
    body_es = "## Le deben pagar\n\nLe deben pagar **todas** las horas."
    body_en = "## You must be paid\n\nYou must be paid for **all** your hours."
    topic = GuideTopic.WORK
    slug = factory.Sequence(lambda n: f"rights-at-work-{n}")
    published = True
    reviewed_at = factory.LazyFunction(timezone.now)
    reviewed_by = factory.SubFactory(CuratorFactory)
