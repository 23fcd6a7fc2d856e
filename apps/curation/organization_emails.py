"""The emails of staff's decisions on organizations (apps.organizations.services): the person
who asked to register one hears whether it was approved or declined; every member of one
that is suspended or reinstated hears it, with staff's reason. Queued in the decision's
transaction through the delivery log, written in each recipient's language."""

from django.db.models import F

from apps.core.emails import page_url, url_of
from apps.core.models import AuditEntry
from apps.notifications.registry import Email
from apps.notifications.services import OutgoingEach, deliveries_queue_each, delivery_queue, key_of
from apps.organizations.models import Membership, Organization

KIND = "organization_notice"
TOPIC = "listing_notices"


def organization_notice_queue(*, organization: Organization, entry: AuditEntry) -> None:
    """Registered in apps.organizations.services.organization_changed."""
    if entry.action in ("approve", "decline"):
        if organization.requested_by_id:
            delivery_queue(
                key=f"organization:{entry.pk}", recipient_id=organization.requested_by_id,
                kind=KIND, params={"audit_entry": entry.pk},
            )  # fmt: skip
    elif entry.action in ("suspend", "reinstate"):
        deliveries_queue_each(
            OutgoingEach(
                rows=Membership.objects.filter(organization=organization),
                key=key_of(f"organization:{entry.pk}:", F("user_id")),
                recipient="user_id",
                kind=KIND,
                params={"audit_entry": entry.pk},
            )
        )


def organization_notice(batch: list[dict]) -> list[Email | None]:
    """The writer: one email per delivery; dropped if the organization is gone."""
    entries = AuditEntry.objects.filter(
        pk__in=[params["audit_entry"] for params in batch]
    ).in_bulk()
    organizations = Organization.objects.in_bulk([entry.object_id for entry in entries.values()])
    emails: list[Email | None] = []
    for params in batch:
        entry = entries.get(params["audit_entry"])
        organization = organizations.get(entry.object_id) if entry else None
        if entry is None or organization is None:
            emails.append(None)
            continue
        emails.append(
            Email(
                topic=TOPIC,
                template="curation/email/organization_notice",
                context={
                    "action": entry.action,
                    "note": entry.note,
                    "organization": organization,
                    "organization_url": url_of(organization.get_absolute_url),
                    "register_url": page_url("organizations:register"),
                },
            )
        )
    return emails
