from datetime import timedelta

import factory
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.jobs.models import Job
from tests.organizations.factories import OrganizationFactory


class JobFactory(factory.django.DjangoModelFactory):
    """A published job, derived fields filled in as the services do."""

    class Meta:
        model = Job
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title_es = factory.Sequence(lambda n: f"Ayudante general {n}")
    title_en = factory.Sequence(lambda n: f"General helper {n}")
    description_es = "Trabajo de tiempo completo en equipo."
    description_en = "Full-time work in a team."
    category = "warehouse"
    employment_type = "full_time"
    work_authorization = "open"
    work_language = "spanish"
    pay_min = 16
    pay_max = 18
    pay_unit = "hour"
    workplace = "onsite"
    city = "Chicago"
    state = "IL"
    zip_code = "60623"
    apply_email = "jobs@example.org"
    status = PublicationStatus.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def index(self, create, extracted, **kwargs):
        if create:
            search_index(self)
