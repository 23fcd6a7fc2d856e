"""Staff's organization pages: the list and its filters, create and edit, verify, decide on
a request (the requester is told in their language), suspend and reinstate with a reason;
and each page's fixed number of queries."""

import pytest

from apps.core.models import AuditEntry
from apps.core.services import audit_record
from apps.notifications.models import Delivery
from apps.organizations.models import Invitation, Organization
from apps.organizations.services import invitation_create
from tests.accounts.factories import CuratorFactory, UserFactory
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

BASE = "/es/curation/organizations/"


@pytest.fixture
def staff(client):
    person = CuratorFactory()
    client.force_login(person)
    return person


def test_the_list_filters_by_status_kind_and_name(client, staff):
    OrganizationFactory(name="Cocina Unida", kind="nonprofit", status="pending")
    OrganizationFactory(name="Cocina Abierta", kind="employer", status="active")
    OrganizationFactory(name="Taller Sur", kind="nonprofit", status="suspended")

    def names(query):
        page = client.get(BASE + query).content.decode()
        return {n for n in ("Cocina Unida", "Cocina Abierta", "Taller Sur") if n in page}

    assert names("") == {"Cocina Unida", "Cocina Abierta", "Taller Sur"}
    assert names("?q=cocina") == {"Cocina Unida", "Cocina Abierta"}
    assert names("?status=suspended") == {"Taller Sur"}
    assert names("?kind=nonprofit&q=cocina") == {"Cocina Unida"}
    # A filter that is not one is reported and left out: never a 500.
    response = client.get(BASE + "?status=nope&q=%00&page=zz")
    assert response.status_code == 200
    assert "Algunos filtros no se pudieron usar" in response.content.decode()


def test_staff_create_edit_and_verify(client, staff):
    response = client.post(BASE + "new/", {"name": "Centro Obrero", "kind": "nonprofit"})
    organization = Organization.objects.get(name="Centro Obrero")
    assert response["Location"] == f"{BASE}{organization.pk}/"
    assert organization.status == "active"

    # A bad edit keeps what was typed, with the error by the field.
    response = client.post(f"{BASE}{organization.pk}/", {"name": "Centro Obrero Sur", "kind": "",
                                                          "city": "Cicero"})  # fmt: skip
    assert response.status_code == 200
    assert 'value="Cicero"' in response.content.decode()
    client.post(f"{BASE}{organization.pk}/", {"name": "Centro Obrero Sur", "kind": "nonprofit"})
    organization.refresh_from_db()
    assert organization.name == "Centro Obrero Sur"

    client.post(f"{BASE}{organization.pk}/verify/", {"note": "Llamamos a su oficina"})
    organization.refresh_from_db()
    assert organization.verified_by == staff and organization.verified_at is not None
    actions = set(
        AuditEntry.objects.filter(object_id=organization.pk).values_list("action", flat=True)
    )
    assert {"create", "edit", "verify"} <= actions
    page = client.get(f"{BASE}{organization.pk}/").content.decode()
    assert "Llamamos a su oficina" in page  # its history


def test_deciding_a_request_tells_the_requester_in_their_language(
    client, staff, mailoutbox, django_capture_on_commit_callbacks
):
    requester = UserFactory(preferred_language="en", email="pide@example.org")
    approved = OrganizationFactory(name="Cocina Unida", status="pending", requested_by=requester)
    declined = OrganizationFactory(name="Taller Sur", status="pending", requested_by=requester)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}{approved.pk}/approve/")
        client.post(f"{BASE}{declined.pk}/decline/", {"note": "Falta su sitio web"})

    assert Organization.objects.get(pk=approved.pk).status == "active"
    assert Organization.objects.get(pk=declined.pk).status == "declined"
    subjects = sorted(message.subject for message in mailoutbox)
    assert subjects == ["Cocina Unida is approved on Camino",
                        "Your request to register Taller Sur on Camino"]  # fmt: skip
    assert "Falta su sitio web" in next(m for m in mailoutbox if "Taller" in m.subject).body

    # Deciding again is refused with a message, and nothing more is sent.
    response = client.post(f"{BASE}{approved.pk}/decline/", follow=True)
    assert "no está esperando una decisión" in response.content.decode()
    assert Delivery.objects.filter(kind="organization_notice").count() == 2


def test_suspending_needs_a_reason_then_hides_the_job_list_entry(client, staff):
    organization = OrganizationFactory()
    JobFactory(organization=organization, title_es="Cocinero de línea")
    response = client.post(f"{BASE}{organization.pk}/suspend/", {"reason": ""})
    assert response.status_code == 200
    assert "Este campo es obligatorio" in response.content.decode()
    assert Organization.objects.get(pk=organization.pk).status == "active"

    response = client.post(f"{BASE}{organization.pk}/suspend/", {"reason": "Ofertas falsas"})
    assert response.status_code == 302
    client.logout()
    assert "Cocinero de línea" not in client.get("/es/jobs/").content.decode()


def test_staff_pages_run_a_fixed_number_of_queries(client, staff, assert_query_count):
    membership = MembershipFactory(role="lead")
    organization = membership.organization

    def grow(count: int) -> None:
        for number in range(count):
            OrganizationFactory()
            MembershipFactory(organization=organization)
            invitation_create(actor=membership.user, organization=organization,
                              email=f"colega{Invitation.objects.count()}@example.org",
                              language="es")  # fmt: skip
            audit_record(actor=staff, subject=organization, action="verify", note=f"{number}")

    assert_query_count(BASE, 6, grow)
    assert_query_count(f"{BASE}?status=active&kind=employer&q=org", 6, grow)
    assert_query_count(f"{BASE}{organization.pk}/", 8, grow)
    assert_query_count(f"/es/organizations/{organization.slug}/members/", 7, grow)


def test_a_partners_pages_run_a_fixed_number_of_queries(client, assert_query_count):
    membership = MembershipFactory(role="lead")
    organization = membership.organization
    client.force_login(membership.user)

    def grow(count: int) -> None:
        for _number in range(count):
            MembershipFactory(organization=organization)
            invitation_create(actor=membership.user, organization=organization,
                              email=f"colega{Invitation.objects.count()}@example.org",
                              language="es")  # fmt: skip
            JobFactory(organization=organization)
            EventFactory(organization=organization)

    assert_query_count(f"/es/organizations/{organization.slug}/members/", 7, grow)
    assert_query_count(f"/es/organizations/{organization.slug}/", 7, grow)
