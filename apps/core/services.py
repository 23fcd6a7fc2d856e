"""The publication workflow shared by every kind of listing (apps.core.models.Publishable):
each transition checks who may make it, records an audit entry, and tells the apps that
registered in `after_transition` (notifications queues the email to the submitter there)."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import AuditEntry, PublicationStatus, Publishable, default_expiry
from apps.core.registry import Registry
from apps.core.roles import Person, is_curator

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

S = PublicationStatus


class InvalidTransition(Exception):
    """The item is not in a state this action applies to."""


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    curators_only: bool
    notify_submitter: bool
    label: "StrPromise"


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", frozenset({S.DRAFT, S.REJECTED}), S.PENDING, False, False,
                   _("Sent for review")),
        Transition("publish", frozenset({S.DRAFT, S.PENDING, S.REJECTED, S.EXPIRED}), S.PUBLISHED,
                   True, True, _("Published")),
        Transition("reject", frozenset({S.PENDING}), S.REJECTED, True, True, _("Rejected")),
        Transition("expire", frozenset({S.PUBLISHED}), S.EXPIRED, True, True, _("Expired")),
        Transition("archive", frozenset(set(S.values) - {S.ARCHIVED}), S.ARCHIVED, True, False,
                   _("Archived")),
    ]
}  # fmt: skip


# Called inside the transaction of every transition, after its audit entry is written, as
# hook(item=, transition=, entry=). Apps register here what follows a change of state.
after_transition: Registry[Callable[..., None]] = Registry("after_transition")


def audit_record(*, actor: Person | None, subject: models.Model, action: str, note: str = ""):
    """Write one audit entry. Call it inside the transaction that makes the change."""
    return AuditEntry.objects.create(
        actor_id=actor.pk if actor else None, subject=subject, action=action, note=note
    )


def may_act_for(user: Person, item: Publishable) -> bool:
    """Curators act for every organization; anyone else only for the organizations they
    belong to. `item` may be unsaved: only its organization is read."""
    return is_curator(user) or (
        user.is_authenticated
        and type(item).objects.member_organizations(user).filter(pk=item.organization_id).exists()
    )


def check_can_transition(*, actor: Person | None, item: Publishable, action: str) -> Transition:
    transition = TRANSITIONS[action]
    if actor is None:
        # Only the system's periodic tasks act without a person, and only to expire.
        if action != "expire":
            raise PermissionDenied
    elif transition.curators_only:
        if not is_curator(actor):
            raise PermissionDenied
    elif not may_act_for(actor, item):
        raise PermissionDenied
    if item.status not in transition.sources:
        raise InvalidTransition(f"cannot {action} an item that is {item.status}")
    return transition


def allowed_transitions(*, actor: Person | None, item: Publishable) -> list[str]:
    """The actions this person may take on the item now, for the buttons to offer."""
    allowed = []
    for action in TRANSITIONS:
        try:
            check_can_transition(actor=actor, item=item, action=action)
        except (PermissionDenied, InvalidTransition):
            continue
        allowed.append(action)
    return allowed


def publication_transition(
    *, actor: Person | None, item: Publishable, action: str, note: str = ""
) -> AuditEntry:
    """Move an item through the workflow. Raises PermissionDenied or InvalidTransition."""
    with transaction.atomic():
        # Lock the row: two curators acting at once must not both succeed.
        locked = type(item).objects.select_for_update().get(pk=item.pk)
        transition = check_can_transition(actor=actor, item=locked, action=action)
        now = timezone.now()
        changes: dict[str, str | date | datetime] = {"status": transition.target}
        if action == "submit":
            changes["submitted_at"] = now
            changes["review_note"] = ""
        elif action == "publish":
            changes["published_at"] = now
            changes["review_note"] = note
            if locked.expires_on <= timezone.localdate():
                changes["expires_on"] = default_expiry()
        elif action == "reject":
            changes["review_note"] = note
        type(item).objects.filter(pk=item.pk).update(**changes)
        for field, value in changes.items():
            setattr(item, field, value)
        item.publication_changed()
        entry = audit_record(actor=actor, subject=item, action=action, note=note)
        for hook in after_transition:
            hook(item=item, transition=transition, entry=entry)
    return entry


def publication_submit(*, actor: Person, item: Publishable) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="submit")


def publication_publish(*, actor: Person, item: Publishable, note: str = "") -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="publish", note=note)


def publication_reject(*, actor: Person, item: Publishable, note: str) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="reject", note=note)


def publication_expire(*, actor: Person | None, item: Publishable) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="expire")


def publication_archive(*, actor: Person, item: Publishable, note: str = "") -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="archive", note=note)
