import factory
from django.utils import timezone

from apps.certifications.models import Credential, WorkGuide, WorkGuideTopic
from tests.accounts.factories import CuratorFactory


class WorkGuideFactory(factory.django.DjangoModelFactory):
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


def credential_make(*, published: bool = True, **fields) -> Credential:
    """A credential with what a guide shows of it (name, summary, address)."""
    number = Credential.objects.count() + 1
    values = {
        "name_es": f"Licencia de contratista {number}",
        "name_en": f"Contractor's license {number}",
        "summary_es": "Para trabajar por su cuenta en construcción.",
        "summary_en": "To work on your own in construction.",
        "slug": f"contractor-license-{number}",
        "kind": "license",
        "issuing_body": "State contractors board",
        "official_url": "https://www.cslb.ca.gov/",
        "benefit": "required",
        "format": "in_person",
        "published": published,
        **fields,
    }
    return Credential.objects.create(**values)
