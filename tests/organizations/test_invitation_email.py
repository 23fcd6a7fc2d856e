"""The invitation email goes out from a real worker after the invitation is committed, in
the language the inviter chose, once however often the task runs."""

import pytest

from apps.organizations.models import Invitation
from apps.organizations.services import invitation_create
from apps.organizations.tasks import invitation_send
from tests.organizations.factories import MembershipFactory


@pytest.mark.postgres
@pytest.mark.redis
def test_a_real_worker_sends_the_invitation_once_in_the_chosen_language(celery_worker):
    from tests.worker import sent_emails, wait_for

    lead = MembershipFactory(role="lead", organization__name="Cocina Unida",
                             user__preferred_language="en")  # fmt: skip
    invitation = invitation_create(actor=lead.user, organization=lead.organization,
                                   email="colega@example.org", language="es")  # fmt: skip
    invitation_send.delay(invitation.pk)  # a retry, or a second worker's copy

    wait_for(lambda: Invitation.objects.filter(pk=invitation.pk).exclude(sent_at=None).exists(),
             what="the invitation email")  # fmt: skip
    assert sent_emails(celery_worker.email_dir) == ["colega@example.org"]
    [path] = list(celery_worker.email_dir.glob("*.log"))
    text = path.read_text()
    assert "Para aceptar, abra este enlace" in text  # written in Spanish, as chosen
    assert "/es/organizations/invitations/" in text
