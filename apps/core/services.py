"""The review workflow shared by everything staff review (apps.core.models.Reviewable: the
listings an organization publishes, a mentor's profile): each transition checks who may make
it, records an audit entry, and tells the apps that registered in `after_transition`
(notifications queues the email to the submitter there). A type offers the transitions its
PublishableType names (`actions`), in its own words (`wording`)."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.indexing import search_index
from apps.core.models import AuditEntry, PublicationStatus, Reviewable, default_expiry
from apps.core.publishable import publishable_types
from apps.core.registry import Registry
from apps.core.roles import Person, is_curator

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

S = PublicationStatus


class InvalidTransition(Exception):
    """The item is not in a state this action applies to."""


# Who may make a transition: the system's periodic tasks (no person), the item's reviewers
# (curators unless its publishable type says otherwise), or its owners (an organization's
# members, or the person whose profile it is).
SYSTEM, REVIEWERS, MEMBERS = "system", "reviewers", "members"

# How close to its end date a listing that is still up may be renewed as it is: a renewal
# moves the date far past this, so two renewals at once cannot both succeed.
RENEWAL_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    who: str
    notify_submitter: bool
    label: "str | StrPromise"  # what happened, for messages and the history
    button: "str | StrPromise" = ""  # offered as a button on the manage page when set
    style: str = ""  # the button's modifier class
    note_required: bool = False
    # Refused while people's reports about the item are open (Publishable.has_open_reports).
    refused_when_reported: bool = False


TRANSITIONS = {
    t.action: t
    for t in [
        Transition("submit", frozenset({S.DRAFT, S.REJECTED}), S.PENDING, MEMBERS, False,
                   _("Sent for review"), _("Send for review")),
        Transition("publish", frozenset({S.DRAFT, S.PENDING, S.REJECTED, S.EXPIRED, S.TAKEN_DOWN}),
                   S.PUBLISHED, REVIEWERS, True, _("Published"), _("Publish")),
        Transition("reject", frozenset({S.PENDING}), S.REJECTED, REVIEWERS, True, _("Rejected"),
                   _("Reject with this note"), "danger", note_required=True),
        # Only the expiry task expires (by date); staff take a listing down instead, and a
        # takedown stays down: its organization cannot renew it.
        Transition("expire", frozenset({S.PUBLISHED}), S.EXPIRED, SYSTEM, True, _("Expired")),
        Transition("take_down", frozenset({S.PUBLISHED, S.EXPIRED}), S.TAKEN_DOWN, REVIEWERS,
                   True, _("Taken down by staff"), _("Take down now"), "secondary"),
        Transition("archive", frozenset(set(S.values) - {S.ARCHIVED}), S.ARCHIVED, REVIEWERS,
                   False, _("Archived"), _("Archive"), "secondary"),
        Transition("renew", frozenset({S.PUBLISHED, S.EXPIRED}), S.PUBLISHED, MEMBERS, False,
                   _("Renewed"), _("Renew as it is"), "secondary", refused_when_reported=True),
        # Renewing with changes needs the item's form, so it has no button here.
        Transition("renew with changes", frozenset({S.PUBLISHED, S.EXPIRED}), S.PENDING,
                   MEMBERS, False, _("Renewed with changes, sent for review"),
                   refused_when_reported=True),
        # For what a person offers (a mentor's profile): staff refuse an application, or
        # retire what was approved; either way the person hears why.
        Transition("refuse", frozenset({S.PENDING, S.REJECTED}), S.ARCHIVED, REVIEWERS, True,
                   _("Declined"), _("Decline with this note"), "danger", note_required=True),
        Transition("retire", frozenset({S.PUBLISHED}), S.ARCHIVED, REVIEWERS, True,
                   _("Retired"), _("Retire"), "secondary"),
    ]
}  # fmt: skip


# Called inside the transaction of every transition, after its audit entry is written, as
# hook(item=, transition=, entry=). Apps register here what follows a change of state.
after_transition: Registry[Callable[..., None]] = Registry("after_transition")


# What each audit action means, for histories: {action: label}. Transitions are here
# already; apps register the actions their own services write.
audit_actions: Registry["str | StrPromise"] = Registry("audit actions")
for _transition in TRANSITIONS.values():
    audit_actions.register(_transition.action, _transition.label)
audit_actions.register("create", _("Created"))
audit_actions.register("edit", _("Edited"))
# Reports on listings (jobs, legal help), by visitors signed in or not: the label says what
# was done, the log says who; each type registers its reasons (audit_notes_register).
audit_actions.register("report", _("Report sent to Camino staff"))
audit_actions.register("handle report", _("Report handled"))

# Notes that are codes (a report's reason, a registration's status), as people read them:
# {"<action> <code>": label}, registered with audit_notes_register.
audit_notes: Registry["str | StrPromise"] = Registry("audit notes")

# Actions a visitor may take without signing in (a report): an entry of one with no actor
# was such a visitor, not Camino itself.
audit_visitor_actions: Registry[bool] = Registry("audit actions by visitors")
audit_visitor_actions.register("report", True)


def audit_notes_register(action: str, choices: type[models.TextChoices]) -> None:
    """The notes `action` writes are codes of `choices`: they read as their labels."""
    for code, label in choices.choices:
        audit_notes.register(f"{action} {code}", label)


def audit_note(entry: AuditEntry) -> str:
    """An entry's note in the reader's language: a code's label, else the note as written."""
    return str(audit_notes.get(f"{entry.action} {entry.note}", entry.note))


def audit_record(*, actor: Person | None, subject: models.Model, action: str, note: str = ""):
    """Write one audit entry. Call it inside the transaction that makes the change."""
    return AuditEntry.objects.create(
        actor_id=actor.pk if actor else None, subject=subject, action=action, note=note
    )


def audit_record_many(
    *, actor: Person | None, subjects: list[models.Model], action: str, note: str = ""
) -> None:
    """audit_record for many items of one type at once, in one query (an import's batch)."""
    if not subjects:
        return
    content_type = ContentType.objects.get_for_model(subjects[0])
    AuditEntry.objects.bulk_create(
        AuditEntry(
            content_type=content_type, object_id=subject.pk,
            actor_id=actor.pk if actor else None, action=action, note=note,
        )
        for subject in subjects
    )  # fmt: skip


def may_act_for(user: Person, item: Reviewable) -> bool:
    """Curators act for everyone; anyone else only for what they own (Reviewable.is_owned_by:
    their organizations' listings, their own profile). `item` may be unsaved."""
    return is_curator(user) or (user.is_authenticated and item.is_owned_by(user))


def may_review(user: Person, item: Reviewable) -> bool:
    """Curators, unless the item's publishable type names its own reviewers."""
    kind = publishable_types.of(type(item))
    return (kind.may_review if kind else is_curator)(user)


P = TypeVar("P", bound=Reviewable)


def publishable_save(*, actor: Person, item: P) -> P:
    """Write a new draft, or save edits. Its owners write drafts and fix rejected items;
    reviewers edit anything."""
    creating = item.pk is None
    if creating:
        allowed = may_act_for(actor, item)
    else:
        allowed = type(item).objects.editable_by(actor).filter(pk=item.pk).exists()
    if not allowed:
        raise PermissionDenied
    with transaction.atomic():
        if creating:
            item.created_by_id = actor.pk
        item.save()
        search_index(item)
        audit_record(actor=actor, subject=item, action="create" if creating else "edit")
    return item


def transition_for(item: Reviewable, action: str) -> Transition:
    """The transition as the item's type offers it, in its own words. InvalidTransition if
    the type does not offer it."""
    kind = publishable_types.of(type(item))
    actions = (kind.actions if kind else None) or LISTING_ACTIONS
    if action not in actions:
        raise InvalidTransition(f"{type(item).__name__} has no {action!r}")
    transition = TRANSITIONS[action]
    words = kind.wording.get(action) if kind else None
    return replace(transition, label=words[0], button=words[1]) if words else transition


def check_can_transition(*, actor: Person | None, item: Reviewable, action: str) -> Transition:
    transition = transition_for(item, action)
    if actor is None:
        # The system's periodic tasks act without a person, and only they expire by date.
        if transition.who != SYSTEM:
            raise PermissionDenied
    elif transition.who == SYSTEM:
        raise PermissionDenied
    elif transition.who == REVIEWERS:
        if not may_review(actor, item):
            raise PermissionDenied
    elif not may_act_for(actor, item):
        raise PermissionDenied
    if item.status not in transition.sources:
        raise InvalidTransition(f"cannot {action} an item that is {item.status}")
    if action == "submit" and not item.ready_for_review:
        raise InvalidTransition("not ready for review yet")
    if action in RENEWALS and not _renewable(item):
        raise InvalidTransition(f"{type(item).__name__} is listed until its own date")
    if action == "renew" and item.status == S.PUBLISHED and item.expires_on > renewal_window_end():  # type: ignore[attr-defined]
        raise InvalidTransition("listed for long enough: nothing to renew yet")
    if transition.refused_when_reported and item.has_open_reports():
        raise InvalidTransition(f"cannot {action} an item with open reports")
    return transition


RENEWALS = frozenset({"renew", "renew with changes"})
# What listings an organization publishes offer (a type's default PublishableType.actions).
LISTING_ACTIONS = frozenset(
    {"submit", "publish", "reject", "expire", "take_down", "archive", *RENEWALS}
)


def _renewable(item: Reviewable) -> bool:
    kind = publishable_types.of(type(item))
    return kind.renewable if kind else True


def renewal_window_end():
    return timezone.localdate() + timedelta(days=RENEWAL_WINDOW_DAYS)


def allowed_transitions(*, actor: Person | None, item: Reviewable) -> list[str]:
    """The actions this person may take on the item now, for the buttons to offer."""
    allowed = []
    for action, transition in TRANSITIONS.items():
        if item.status not in transition.sources:
            continue  # no need to ask who may
        try:
            check_can_transition(actor=actor, item=item, action=action)
        except (PermissionDenied, InvalidTransition):
            continue
        allowed.append(action)
    return allowed


def publication_transition(
    *, actor: Person | None, item: Reviewable, action: str, note: str = ""
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
            # A type that is not renewable keeps its own date (an event's day).
            expires_on = getattr(locked, "expires_on", None)
            if expires_on and expires_on <= timezone.localdate() and _renewable(locked):
                changes["expires_on"] = default_expiry()
        elif action in ("reject", "take_down", "refuse", "retire"):  # the owner sees why
            changes["review_note"] = note
        elif action == "renew":
            changes["expires_on"] = default_expiry()
        elif action == "renew with changes":
            changes.update(expires_on=default_expiry(), submitted_at=now, review_note="")
        type(item).objects.filter(pk=item.pk).update(**changes)
        for field, value in changes.items():
            setattr(item, field, value)
        entry = audit_record(actor=actor, subject=item, action=action, note=note)
        for hook in after_transition:
            hook(item=item, transition=transition, entry=entry)
    return entry


def publication_submit(*, actor: Person, item: Reviewable) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="submit")


def publication_publish(*, actor: Person, item: Reviewable, note: str = "") -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="publish", note=note)


def publication_reject(*, actor: Person, item: Reviewable, note: str) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="reject", note=note)


def publication_expire(*, actor: Person | None, item: Reviewable) -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="expire")


def publications_expire_due(items: models.QuerySet, *, fields: tuple[str, ...] = ()) -> int:
    """Expire the published items of `items` whose end date (`expires_on`) has passed: each
    through the workflow, so its submitter is told and its search entry goes. For a type's
    daily task; `fields` are what else its hooks read. Returns how many."""
    due = items.filter(status=S.PUBLISHED, expires_on__lt=timezone.localdate()).only(
        "pk", "status", "created_by_id", "expires_on", *fields
    )
    count = 0
    for item in due.iterator():
        publication_expire(actor=None, item=item)
        count += 1
    return count


def publication_take_down(*, actor: Person, item: Reviewable, note: str = "") -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="take_down", note=note)


def publication_archive(*, actor: Person, item: Reviewable, note: str = "") -> AuditEntry:
    return publication_transition(actor=actor, item=item, action="archive", note=note)


def publication_renew(*, actor: Person, item: Reviewable, changed: bool = False) -> AuditEntry:
    """Keep a listing up for another period. Its organization may renew only what expired by
    date (or is about to), never a takedown nor while reports are open; changed, it goes
    back through review first."""
    action = "renew with changes" if changed else "renew"
    return publication_transition(actor=actor, item=item, action=action)
