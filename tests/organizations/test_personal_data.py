"""Invitations in a person's data: the ones they sent and accepted are in their download;
deleting their account removes every invitation to their address, and keeps the ones they
sent (the organization's) without them."""

import pytest

from apps.accounts.services import account_delete, personal_data_export
from apps.organizations.models import Invitation
from apps.organizations.services import invitation_accept, invitation_create
from tests.accounts.factories import UserFactory
from tests.organizations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_invitations_are_exported_and_go_with_the_account():
    lead = MembershipFactory(role="lead", organization__name="Cocina Unida")
    colleague = UserFactory(email="colega@example.org")
    accepted = invitation_create(actor=lead.user, organization=lead.organization,
                                 email="colega@example.org", language="es")  # fmt: skip
    invitation_accept(actor=colleague, invitation=accepted)
    waiting = invitation_create(actor=lead.user, organization=lead.organization,
                                email="otra@example.org", language="en")  # fmt: skip

    sent = dict((entry.name, rows) for entry, rows in personal_data_export(user=lead.user))
    assert {row["email"] for row in sent["invitations_sent"]} == {
        "colega@example.org", "otra@example.org"
    }  # fmt: skip
    mine = dict((entry.name, rows) for entry, rows in personal_data_export(user=colleague))
    assert [row["organization"] for row in mine["invitations_accepted"]] == ["Cocina Unida"]

    account_delete(user=colleague)
    assert not Invitation.objects.filter(pk=accepted.pk).exists()

    account_delete(user=lead.user)
    assert Invitation.objects.get(pk=waiting.pk).invited_by is None
