"""Suspending an organization hides everything it offers, everywhere (lists, searches,
detail pages, its public page), stops its members submitting, and tells them; reinstating
brings it all back. Read through the real pages and the real search index."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from apps.core.models import AuditEntry
from apps.core.services import publication_submit
from apps.jobs.models import Job, JobSearchEntry
from apps.notifications.models import Delivery
from apps.organizations.services import organization_reinstate, organization_suspend
from tests.accounts.factories import CuratorFactory
from tests.certifications.factories import TrainingFactory
from tests.events.factories import EventFactory
from tests.jobs.factories import JobFactory
from tests.legal.factories import ProviderFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("es"):
        return reverse(name, args=args)


@pytest.fixture
def offers():
    """One organization offering a job, an event, a training and legal services, and another
    organization's job that stays listed whatever happens to the first."""
    organization = OrganizationFactory(name="Servicios Pilsen")
    return {
        "organization": organization,
        "job": JobFactory(organization=organization, title_es="Cocinero de línea"),
        "event": EventFactory(organization=organization, title_es="Encuentro de primavera"),
        "training": TrainingFactory(organization=organization, title_es="Curso de soldadura"),
        "provider": ProviderFactory(organization=organization),
        "other_job": JobFactory(title_es="Cocinero de banquetes"),
    }


def public_pages(offers):
    """(list page, detail page, the title the list shows) for each kind of item."""
    return [
        (url("jobs:list") + "?q=cocinero", url("jobs:detail", offers["job"].pk),
         "Cocinero de línea"),
        (url("events:list"), url("events:detail", offers["event"].pk), "Encuentro de primavera"),
        (url("certifications:trainings"), url("certifications:training", offers["training"].pk),
         "Curso de soldadura"),
        (url("legal:directory"), url("legal:provider", offers["provider"].pk), "Servicios Pilsen"),
    ]  # fmt: skip


def test_suspending_hides_every_item_and_reinstating_brings_them_back(
    client, offers, django_capture_on_commit_callbacks
):
    staff = CuratorFactory()
    organization = offers["organization"]
    for listing, detail, title in public_pages(offers):
        assert title in client.get(listing).content.decode()
        assert client.get(detail).status_code == 200
    organization_page = client.get(organization.get_absolute_url()).content.decode()
    assert "Cocinero de línea" in organization_page and "Curso de soldadura" in organization_page

    with django_capture_on_commit_callbacks(execute=True):
        organization_suspend(actor=staff, organization=organization, reason="Ofertas falsas")

    for listing, detail, title in public_pages(offers):
        assert title not in client.get(listing).content.decode(), listing
        assert client.get(detail).status_code == 404, detail
    assert not JobSearchEntry.objects.filter(pk=offers["job"].pk).exists()
    assert "Cocinero de banquetes" in client.get(url("jobs:list") + "?q=cocinero").content.decode()
    organization_page = client.get(organization.get_absolute_url()).content.decode()
    assert "Cocinero de línea" not in organization_page
    assert AuditEntry.objects.filter(action="suspend", note="Ofertas falsas").exists()

    with django_capture_on_commit_callbacks(execute=True):
        organization_reinstate(actor=staff, organization=organization, reason="Aclarado")

    for listing, detail, title in public_pages(offers):
        assert title in client.get(listing).content.decode(), listing
        assert client.get(detail).status_code == 200, detail
    assert JobSearchEntry.objects.filter(pk=offers["job"].pk).exists()


def test_members_still_see_their_items_but_cannot_submit_while_suspended(client, offers):
    organization = offers["organization"]
    member = MembershipFactory(organization=organization).user
    draft = JobFactory(organization=organization, status="draft")
    organization_suspend(actor=CuratorFactory(), organization=organization, reason="Revisión")

    client.force_login(member)
    assert client.get(url("jobs:detail", offers["job"].pk)).status_code == 200
    with pytest.raises(PermissionDenied):
        publication_submit(actor=member, item=draft)
    assert Job.objects.get(pk=draft.pk).status == "draft"


def test_every_member_is_told_in_their_language(django_capture_on_commit_callbacks, mailoutbox):
    organization = OrganizationFactory(name="Cocina Unida")
    MembershipFactory(organization=organization, user__preferred_language="es",
                      user__email="ana@example.org")  # fmt: skip
    MembershipFactory(organization=organization, user__preferred_language="en",
                      user__email="sam@example.org")  # fmt: skip
    staff = CuratorFactory()

    with django_capture_on_commit_callbacks(execute=True):
        organization_suspend(actor=staff, organization=organization, reason="Ofertas falsas")

    assert Delivery.objects.filter(kind="organization_notice").count() == 2
    by_address = {message.to[0]: message for message in mailoutbox}
    assert "Cocina Unida está suspendida en Camino" in by_address["ana@example.org"].subject
    assert "Ofertas falsas" in by_address["ana@example.org"].body
    assert "Cocina Unida is suspended on Camino" in by_address["sam@example.org"].subject

    with django_capture_on_commit_callbacks(execute=True):
        organization_reinstate(actor=staff, organization=organization, reason="Aclarado")
    assert Delivery.objects.filter(kind="organization_notice").count() == 4


def test_suspending_twice_or_without_a_reason_is_refused():
    from django.core.exceptions import ValidationError

    organization = OrganizationFactory()
    staff = CuratorFactory()
    with pytest.raises(ValidationError):
        organization_suspend(actor=staff, organization=organization, reason="  ")
    organization_suspend(actor=staff, organization=organization, reason="Motivo")
    with pytest.raises(ValidationError):
        organization_suspend(actor=staff, organization=organization, reason="Otra vez")
    with pytest.raises(PermissionDenied):
        organization_reinstate(
            actor=MembershipFactory(organization=organization).user,
            organization=organization, reason="Yo mismo",
        )  # fmt: skip


def test_suspending_twice_or_reinstating_an_active_one_is_refused_and_changes_nothing():
    staff = CuratorFactory()
    organization = OrganizationFactory()
    with translation.override("en"):
        with pytest.raises(ValidationError, match="not suspended"):
            organization_reinstate(actor=staff, organization=organization, reason="Aclarado")
        organization_suspend(actor=staff, organization=organization, reason="Ofertas falsas")
        with pytest.raises(ValidationError, match="already suspended"):
            organization_suspend(actor=staff, organization=organization, reason="Otra vez")
        with pytest.raises(ValidationError, match="Say why"):
            organization_reinstate(actor=staff, organization=organization, reason="  ")
    organization.refresh_from_db()
    assert organization.status == "suspended"
    actions = AuditEntry.objects.filter(object_id=organization.pk).values_list("action", flat=True)
    assert list(actions) == ["suspend"]
