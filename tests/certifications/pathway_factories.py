"""Credentials and trainings as the pathway pages read them: the item and its search entry,
written here as the credential and training parts' indexing will write them (the bit sets of
apps.core.vocabulary.bits_of, the place of the ZIP code, the next start date)."""

from datetime import date, timedelta
from itertools import count

from django.utils import timezone

from apps.certifications.models import (
    Credential,
    CredentialSearchEntry,
    Training,
    TrainingSearchEntry,
)
from apps.core.models import PublicationStatus
from apps.core.us import locate_zip
from apps.core.vocabulary import Category, SpokenLanguage, bits_of
from tests.organizations.factories import OrganizationFactory

numbers = count(1)


def credential_listed(*, categories=("construction",), published=True, **fields) -> Credential:
    number = next(numbers)
    values = {
        "name_es": f"Tarjeta OSHA {number}",
        "name_en": f"OSHA card {number}",
        "slug": f"osha-{number}",
        "summary_es": "Seguridad en la obra.",
        "summary_en": "Safety on the job site.",
        "kind": "certification",
        "issuing_body": "OSHA",
        "official_url": "https://www.osha.gov/training/outreach",
        "benefit": "opens_doors",
        "format": "online",
        "exam_languages": ["es", "en"],
        "exam_cost": 60,
        "course_cost": 25,
        **fields,
    }
    credential = Credential.objects.create(
        categories=list(categories), published=published,
        published_at=timezone.now() if published else None, **values,
    )  # fmt: skip
    if published:
        CredentialSearchEntry.objects.create(
            credential=credential, published_at=credential.published_at, expires_on=date.max,
            search_title="", search_body="", kind=credential.kind,
            categories=bits_of(credential.categories, Category),
            exam_languages=bits_of(credential.exam_languages, SpokenLanguage),
            format=credential.format, total_cost=credential.total_cost,
        )  # fmt: skip
    return credential


def training_listed(
    *, category="construction", zip_code="60623", format="in_person", starts_in=30,
    rolling=False, organization=None, **fields,
) -> Training:  # fmt: skip
    number = next(numbers)
    cost = fields.pop("cost", 0)
    organization = organization or OrganizationFactory()
    training = Training.objects.create(
        organization=organization, status=PublicationStatus.PUBLISHED,
        published_at=timezone.now() - timedelta(hours=number), category=category,
        format=format, **{
            "title_es": f"Curso de seguridad {number}", "title_en": f"Safety course {number}",
            "summary_es": "Diez horas.", "summary_en": "Ten hours.", **fields,
        },
        languages=["es"], rolling_enrollment=rolling, cost=cost,
        city="Chicago" if zip_code else "", state="IL" if zip_code else "",
        zip_code=zip_code,
    )  # fmt: skip
    point = locate_zip(zip_code) if zip_code and format != "online" else None
    TrainingSearchEntry.objects.create(
        training=training, published_at=training.published_at, expires_on=training.expires_on,
        latitude=point.latitude if point else None, longitude=point.longitude if point else None,
        search_title="", search_body="", category=category, format=format,
        languages=bits_of(training.languages, SpokenLanguage), cost=training.cost,
        rolling_enrollment=rolling,
        next_start=None if starts_in is None else timezone.localdate() + timedelta(starts_in),
    )  # fmt: skip
    return training
