import pytest

from apps.core.models import AuditEntry
from apps.organizations.models import Membership, Organization
from apps.organizations.services import organization_verify
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

REQUEST = {
    "name": "Cocina Comunitaria",
    "kind": "nonprofit",
    "description_es": "Capacitación en cocina profesional.",
    "description_en": "",
    "website": "https://cocina.example.org",
    "email": "info@cocina.example.org",
    "phone": "773-555-0100",
    "street": "123 W 26th St",
    "city": "Chicago",
    "state": "IL",
    "zip_code": "60623",
}


def test_registering_an_organization_needs_an_account(client):
    response = client.get("/es/organizations/register/")
    assert response.status_code == 302
    assert response["Location"].startswith("/es/accounts/login/")


def test_a_person_asks_to_register_an_organization_and_sees_it_waiting(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/es/organizations/register/", REQUEST, follow=True)

    organization = Organization.objects.get(name="Cocina Comunitaria")
    assert organization.status == Organization.Status.PENDING
    assert organization.slug == "cocina-comunitaria"
    assert Membership.objects.filter(user=user, organization=organization).exists()
    assert AuditEntry.objects.filter(action="request", actor=user).exists()
    html = response.content.decode()
    assert "Esperando aprobación" in html
    assert "Cocina Comunitaria" in html


def test_a_bad_zip_code_is_explained_and_nothing_typed_is_lost(client):
    client.force_login(UserFactory())
    response = client.post("/es/organizations/register/", {**REQUEST, "zip_code": "6062"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Escriba un código postal (ZIP) de 5 dígitos." in html
    assert 'value="Cocina Comunitaria"' in html
    assert "Capacitación en cocina profesional." in html
    assert not Organization.objects.exists()


def test_active_organizations_are_public(client):
    organization = OrganizationFactory(description_es="Empleos en restaurantes.", description_en="")
    response = client.get(f"/en/organizations/{organization.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Empleos en restaurantes." in html
    assert "Not translated yet: shown in Spanish." in html
    assert "Not verified by Camino staff yet." in html


@pytest.mark.parametrize("status", ["pending", "declined"])
def test_a_waiting_or_declined_organization_is_only_for_its_members_and_staff(client, status):
    membership = MembershipFactory(organization__status=status)
    url = f"/es/organizations/{membership.organization.slug}/"

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(membership.user)
    assert client.get(url).status_code == 200
    client.force_login(CuratorFactory())
    assert client.get(url).status_code == 200


def test_verification_shows_when(client):
    organization = OrganizationFactory()
    organization_verify(actor=CuratorFactory(), organization=organization)

    html = client.get(f"/en/organizations/{organization.slug}/").content.decode()
    assert "Verified by Camino staff on" in html


def test_curators_approve_requests_in_the_admin(client):
    organization = OrganizationFactory(status="pending")
    curator = CuratorFactory()
    client.force_login(curator)

    response = client.post(
        "/en/admin/organizations/organization/",
        {"action": "approve", "_selected_action": [organization.pk]},
    )

    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.status == Organization.Status.ACTIVE
    assert AuditEntry.objects.filter(action="approve", actor=curator).exists()
