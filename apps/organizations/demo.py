"""Demo organizations: employers, nonprofits, a legal services and a training provider."""

from collections.abc import Iterator

from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Membership, Organization

DEMO_ORGANIZATIONS = [
    {
        "slug": "sabor-catering",
        "name": "Sabor Catering",
        "kind": "employer",
        "description_es": "Empresa de banquetes y comida para eventos en el sur de Chicago.",
        "description_en": "Event catering company on Chicago's South Side.",
        "city": "Chicago",
        "state": "IL",
        "zip_code": "60623",
        "phone": "773-555-0142",
        "email": "empleos@sabor.example.org",
        "verified": True,
    },
    {
        "slug": "construye-builders",
        "name": "Construye Builders",
        "kind": "employer",
        "description_es": "Contratista de construcción residencial y remodelación.",
        "description_en": "Residential construction and remodeling contractor.",
        "city": "Houston",
        "state": "TX",
        "zip_code": "77036",
        "verified": True,
    },
    {
        "slug": "centro-trabajadores",
        "name": "Centro de Trabajadores Unidos",
        "kind": "nonprofit",
        "description_es": "Centro de trabajadores que conecta a jornaleros con empleos justos.",
        "description_en": "",
        "city": "Los Angeles",
        "state": "CA",
        "zip_code": "90023",
        "verified": True,
    },
    {
        "slug": "clinica-legal-esperanza",
        "name": "Clínica Legal Esperanza",
        "kind": "legal",
        "description_es": "Organización reconocida por el DOJ con representantes acreditados.",
        "description_en": "DOJ-recognized organization with accredited representatives.",
        "city": "Miami",
        "state": "FL",
        "zip_code": "33135",
        "verified": True,
    },
    {
        "slug": "academia-oficios",
        "name": "Academia de Oficios",
        "kind": "training",
        "description_es": "",
        "description_en": "Trade school: electrical, HVAC and welding certificates.",
        "city": "Phoenix",
        "state": "AZ",
        "zip_code": "85009",
        "verified": False,
    },
]

# Ana, the Spanish-speaking demo seeker, is also a member of the catering company, so she
# can try submitting a job.
DEMO_MEMBERS = [("ana@example.org", "sabor-catering")]


def load() -> Iterator[str]:
    staff = User.objects.filter(email="staff@example.org").first()
    for data in DEMO_ORGANIZATIONS:
        fields = {k: v for k, v in data.items() if k not in {"slug", "verified"}}
        organization, created = Organization.objects.get_or_create(
            slug=data["slug"], defaults={**fields, "status": Organization.Status.ACTIVE}
        )
        if created and data["verified"]:
            organization.verified_by = staff
            organization.verified_at = timezone.now()
            organization.save(update_fields=["verified_by", "verified_at"])
        yield f"demo organization {organization.name}"
    for email, slug in DEMO_MEMBERS:
        user = User.objects.filter(email=email).first()
        if user:
            Membership.objects.get_or_create(
                user=user, organization=Organization.objects.get(slug=slug)
            )
