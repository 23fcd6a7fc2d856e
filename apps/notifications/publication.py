"""The emails of the review workflow (apps.core.services), for every publishable type: the
submitter hears, in their language, when what they sent is published, sent back, declined or
expired; each type names its email's template and topic (PublishableType.notice_template)."""

from apps.core.emails import url_of
from apps.core.models import AuditEntry
from apps.core.publishable import publishable_types
from apps.notifications.registry import Email
from apps.notifications.services import delivery_queue


def publication_notice_queue(*, item, transition, entry: AuditEntry) -> None:
    """Registered in core's after_transition: queue the email, in the transition's
    transaction, when the transition tells the submitter."""
    if transition.notify_submitter and item.created_by_id:
        delivery_queue(
            key=f"publication:{entry.pk}",
            recipient_id=item.created_by_id,
            kind="publication_notice",
            params={"audit_entry": entry.pk},
        )


def publication_notice(batch: list[dict]) -> list[Email | None]:
    """To the submitter: their listing was published, rejected or expired. Dropped if the
    listing is gone."""
    entries = (
        AuditEntry.objects.filter(pk__in=[params["audit_entry"] for params in batch])
        .prefetch_related("subject")
        .in_bulk()
    )
    emails: list[Email | None] = []
    for params in batch:
        entry = entries.get(params["audit_entry"])
        item = entry.subject if entry else None
        if entry is None or item is None:
            emails.append(None)
            continue
        kind = publishable_types.of(type(item))
        emails.append(
            Email(
                topic=kind.notice_topic if kind else "listing_notices",
                template=kind.notice_template if kind else "notifications/email/publication_notice",
                context={
                    "action": entry.action,
                    "note": entry.note,
                    "item": item,
                    "item_url": url_of(item.get_manage_url),
                },
            )
        )
    return emails
