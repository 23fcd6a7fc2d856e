"""A partner's members page: inviting a colleague by email (the link expires, works once,
only for that address), accepting, leaving (the last lead names another first), and a lead
removing members and cancelling invitations."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.organizations.models import Invitation, Membership
from apps.organizations.services import (
    invitation_accept,
    invitation_create,
    invitation_token,
    membership_leave,
)
from tests.accounts.factories import UserFactory
from tests.organizations.factories import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    return MembershipFactory(role="lead", organization__name="Cocina Unida")


def invite(client, lead, email="colega@example.org", language="en"):
    client.force_login(lead.user)
    return client.post(
        f"/es/organizations/{lead.organization.slug}/members/",
        {"email": email, "language": language},
    )


def link_in(message) -> str:
    return re.search(r"http://\S+/organizations/invitations/(\S+)/", message.body)[0]


def test_a_member_invites_a_colleague_who_accepts(
    client, lead, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, lead, language="en")
    assert response.status_code == 302
    [message] = mailoutbox
    assert message.to == ["colega@example.org"]
    assert message.subject == "You are invited to join Cocina Unida on Camino"
    path = link_in(message).split("://", 1)[1].split("/", 1)[1]

    colleague = UserFactory(email="Colega@example.org")
    client.force_login(colleague)
    page = client.get(f"/{path}")
    assert "Cocina Unida" in page.content.decode()
    response = client.post(f"/{path}")
    assert response.status_code == 302
    membership = Membership.objects.get(user=colleague)
    assert membership.organization == lead.organization and not membership.is_lead
    members_page = client.get(response["Location"]).content.decode()
    assert "colega" in members_page.lower()

    # Used once: the same link again says so and adds nothing.
    again = client.post(f"/{path}")
    assert "already used" in again.content.decode()
    assert Membership.objects.filter(user=colleague).count() == 1


def test_the_link_works_only_for_the_address_it_was_sent_to(client, lead):
    invitation = invitation_create(
        actor=lead.user, organization=lead.organization, email="colega@example.org", language="es"
    )
    stranger = UserFactory(email="otra@example.org")
    client.force_login(stranger)
    response = client.post(f"/es/organizations/invitations/{invitation_token(invitation)}/")
    assert "otra dirección de correo" in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()


def test_an_expired_or_cancelled_or_forged_link_says_so(client, lead):
    invitation = invitation_create(
        actor=lead.user, organization=lead.organization, email="colega@example.org", language="es"
    )
    token = invitation_token(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))
    colleague = UserFactory(email="colega@example.org")
    with pytest.raises(ValidationError):
        invitation_accept(actor=colleague, invitation=Invitation.objects.get(pk=invitation.pk))
    client.force_login(colleague)
    assert "venció" in client.get(f"/es/organizations/invitations/{token}/").content.decode()

    client.force_login(lead.user)
    client.post(f"/es/organizations/{lead.organization.slug}/invitations/{invitation.pk}/cancel/")
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    for link in (token, token[:-2] + "xx", "nada"):
        page = client.get(f"/es/organizations/invitations/{link}/")
        assert page.status_code == 200
        assert "no es válido" in page.content.decode()


def test_anonymous_visitors_are_asked_to_sign_in_with_the_address(client, lead):
    invitation = invitation_create(
        actor=lead.user, organization=lead.organization, email="colega@example.org", language="es"
    )
    path = f"/es/organizations/invitations/{invitation_token(invitation)}/"
    page = client.get(path).content.decode()
    assert "colega@example.org" in page and "/es/accounts/login/?next=" in page
    assert client.post(path)["Location"].startswith("/es/accounts/login/")


def test_bad_invitations_keep_what_was_typed(client, lead):
    response = invite(client, lead, email="no es un correo")
    assert response.status_code == 200
    assert 'value="no es un correo"' in response.content.decode()
    response = invite(client, lead, email=lead.user.email)
    assert "ya es miembro" in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_last_lead_names_another_before_leaving(client, lead):
    colleague = MembershipFactory(organization=lead.organization)
    with pytest.raises(ValidationError):
        membership_leave(actor=lead.user, organization=lead.organization)
    client.force_login(lead.user)
    page = client.get(f"/es/organizations/{lead.organization.slug}/members/").content.decode()
    assert 'name="new_lead"' in page

    response = client.post(
        f"/es/organizations/{lead.organization.slug}/leave/", {"new_lead": colleague.pk}
    )
    assert response["Location"] == "/es/organizations/mine/"
    assert not Membership.objects.filter(pk=lead.pk).exists()
    assert Membership.objects.get(pk=colleague.pk).is_lead


def test_a_member_leaves_and_a_lead_removes_another(client, lead):
    leaving = MembershipFactory(organization=lead.organization)
    removed = MembershipFactory(organization=lead.organization)
    membership_leave(actor=leaving.user, organization=lead.organization)
    assert not Membership.objects.filter(pk=leaving.pk).exists()

    # A member who is not a lead cannot remove anyone.
    other = MembershipFactory(organization=lead.organization)
    client.force_login(other.user)
    client.post(f"/es/organizations/{lead.organization.slug}/members/{removed.pk}/remove/")
    assert Membership.objects.filter(pk=removed.pk).exists()

    client.force_login(lead.user)
    client.post(f"/es/organizations/{lead.organization.slug}/members/{removed.pk}/remove/")
    assert not Membership.objects.filter(pk=removed.pk).exists()


def test_another_organizations_members_and_invitations_are_a_404(client, lead):
    other = OrganizationFactory()
    stranger = MembershipFactory(organization=other)
    invitation = invitation_create(
        actor=stranger.user, organization=other, email="x@example.org", language="es"
    )
    client.force_login(lead.user)
    assert client.get(f"/es/organizations/{other.slug}/members/").status_code == 404
    assert (
        client.post(
            f"/es/organizations/{other.slug}/invitations/{invitation.pk}/cancel/"
        ).status_code
        == 404
    )
    # Someone of its own organization, named under another's address: a 404 too.
    assert (
        client.post(
            f"/es/organizations/{lead.organization.slug}/members/{stranger.pk}/remove/"
        ).status_code
        == 404
    )
    assert Membership.objects.filter(pk=stranger.pk).exists()
