"""Staff keep credentials and their state rules: every write is here, inside a transaction,
by a curator, with an audit entry. A published credential's search entry follows each change
(apps.core.indexing: its rules are columns of the entry), and its public pages are marked
changed, so the list's "open without an SSN in <state>" filter and the credential page never
show an older rule."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.certifications.models import Credential, StateRule
from apps.core.indexing import search_index
from apps.core.pagecache import pages_changed
from apps.core.roles import Person, is_curator
from apps.core.services import audit_actions, audit_record
from apps.core.verification import checked_confirm, checked_types

audit_actions.register("unpublish", _("Unpublished"))
audit_actions.register("rule_save", _("State rule saved"))
audit_actions.register("rule_remove", _("State rule removed"))


def _curator_only(actor: Person) -> None:
    if not is_curator(actor):
        raise PermissionDenied


def _credential_changed(credential: Credential) -> None:
    """Its entry follows (added, updated or dropped) and its pages are marked changed even
    when it is not listed (staff may have just unpublished it)."""
    search_index(credential)  # type: ignore[arg-type]
    pages_changed(Credential)


def credential_save(*, actor: Person, credential: Credential) -> Credential:
    """Create a credential or save staff's edits to it."""
    _curator_only(actor)
    creating = credential.pk is None
    with transaction.atomic():
        if credential.published and credential.published_at is None:
            credential.published_at = timezone.now()
        credential.save()
        audit_record(actor=actor, subject=credential, action="create" if creating else "edit")
        _credential_changed(credential)
    return credential


def credential_publish(*, actor: Person, credential: Credential, published: bool) -> Credential:
    """Make a credential public (it enters the list and search) or take it off them."""
    _curator_only(actor)
    with transaction.atomic():
        credential = Credential.objects.select_for_update().get(pk=credential.pk)
        if credential.published == published:
            return credential
        credential.published = published
        if published and credential.published_at is None:
            credential.published_at = timezone.now()
        credential.save(update_fields=["published", "published_at", "updated_at"])
        audit_record(
            actor=actor, subject=credential, action="publish" if published else "unpublish"
        )
        _credential_changed(credential)
    return credential


def rule_save(*, actor: Person, rule: StateRule) -> StateRule:
    """Save a state rule staff read at its source: saving is checking, so it records today
    and who saved it."""
    _curator_only(actor)
    with transaction.atomic():
        rule.checked_at = timezone.now()
        rule.checked_by_id = actor.pk
        rule.save()
        audit_record(
            actor=actor, subject=rule.credential, action="rule_save",
            note=f"{rule.state}: {rule.rule}",
        )  # fmt: skip
        _credential_changed(rule.credential)
    return rule


def rule_remove(*, actor: Person, rule: StateRule) -> None:
    """Remove a rule: the state is "not checked yet" again."""
    _curator_only(actor)
    with transaction.atomic():
        credential = rule.credential
        state = rule.state
        rule.delete()
        audit_record(actor=actor, subject=credential, action="rule_remove", note=state)
        _credential_changed(credential)


def rule_confirm(*, actor: Person, rule: StateRule) -> StateRule:
    """Staff read the rule's source again and it is still correct (the shared stale queue's
    "still correct", apps.core.verification)."""
    return checked_confirm(actor=actor, kind=checked_types["certifications-rules"], item=rule)


def rule_confirmed(rule: StateRule) -> None:
    """After a "still correct": the credential page says the new date."""
    pages_changed(Credential)
