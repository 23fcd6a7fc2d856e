"""The invitation email. It goes to an address that may have no account yet, so it is not
a delivery of the log (apps.notifications, one person each): the invitation's own row
records it, and `sent_at` makes a retry or a second worker a no-op."""

from celery import shared_task
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from apps.core.emails import absolute_url, render_subject, text_to_html
from apps.core.mime import CaminoEmail
from apps.organizations.models import Invitation

TEMPLATE = "organizations/email/invitation"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def invitation_send(invitation_id: int) -> None:
    from django.urls import reverse

    from apps.organizations.services import invitation_token

    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("organization", "invited_by")
            .filter(pk=invitation_id, sent_at=None, accepted_at=None)
            .first()
        )
        if invitation is None or invitation.is_expired:
            return  # sent already, used, cancelled or too late
        with translation.override(invitation.language):
            path = reverse(
                "organizations:invitation", kwargs={"token": invitation_token(invitation)}
            )
            context = {
                "invitation": invitation,
                "organization": invitation.organization,
                "inviter": invitation.invited_by.get_short_name() if invitation.invited_by else "",
                "accept_url": absolute_url(path),
            }
            subject = render_subject(TEMPLATE, context)
            body = render_to_string(f"{TEMPLATE}_message.txt", context)
        CaminoEmail(
            subject=subject, body=body, html=text_to_html(body), to=[invitation.email]
        ).send()
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
