"""Credentials and their state rules for tests, saved and indexed as staff's services save
and index them."""

from datetime import timedelta

import factory
from django.utils import timezone

from apps.certifications.models import Credential, StateRule
from apps.core.indexing import search_index
from tests.accounts.factories import CuratorFactory


class CredentialFactory(factory.django.DjangoModelFactory):
    """A published construction safety course card, exam in English and Spanish, $80."""

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
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create:
            search_index(self)


class StateRuleFactory(factory.django.DjangoModelFactory):
    """California's rule, open regardless of status, checked last month. Reindex its
    credential after (`rule_indexed`) as the services do."""

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
