"""Claims: a curator takes an item so that two people do not review it at once, lets it go,
or a lead curator hands it to a colleague or takes it back. A claim lapses after
CURATION_CLAIM_MINUTES; one row per item (the constraint `one_claim_per_item`) decides who
wins when two take the same item at once."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from apps.core.roles import Person, is_curator, is_lead_curator
from apps.core.services import audit_record
from apps.curation.models import Claim


class ClaimHeld(Exception):
    """Someone else holds the item's claim (it is `claim`)."""

    def __init__(self, claim: Claim):
        super().__init__(claim)
        self.claim = claim


def claim_ends():
    return timezone.now() + timedelta(minutes=settings.CURATION_CLAIM_MINUTES)


def _locked_claim(item: models.Model) -> Claim | None:
    content_type = ContentType.objects.get_for_model(type(item))
    claims = Claim.objects.select_for_update().select_related("claimed_by")
    return claims.filter(content_type=content_type, object_id=item.pk).first()


def _claim_write(*, item: models.Model, claim: Claim | None, user, assigned_by=None) -> Claim:
    """Give the item's claim to `user`: a new row, or the existing one taken over. Two new
    rows at once: the second fails the constraint, and whoever won holds it."""
    fields = {"claimed_by": user, "assigned_by": assigned_by}
    if claim is None:
        try:
            with transaction.atomic():
                return Claim.objects.create(subject=item, **fields, expires_at=claim_ends())
        except IntegrityError:
            held = _locked_claim(item)
            raise ClaimHeld(held) from None  # type: ignore[arg-type]
    for name, value in fields.items():
        setattr(claim, name, value)
    claim.claimed_at, claim.expires_at = timezone.now(), claim_ends()
    claim.save(update_fields=[*fields, "claimed_at", "expires_at"])
    return claim


def claim_take(*, actor: Person, item: models.Model) -> Claim:
    """The actor works on the item now. Taking one's own claim again makes it last longer;
    another person's active claim is theirs (ClaimHeld); a lapsed one is anybody's."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        claim = _locked_claim(item)
        if claim is not None and claim.is_active and claim.claimed_by_id != actor.pk:
            raise ClaimHeld(claim)
        claim = _claim_write(item=item, claim=claim, user=actor)
        audit_record(actor=actor, subject=item, action="claim")
    return claim


def claim_release(*, actor: Person, item: models.Model) -> bool:
    """Let the item go. A curator releases their own claim; a lead takes back anyone's.
    False when there was nothing to release (no claim, or one that had lapsed)."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        claim = _locked_claim(item)
        if claim is None or not claim.is_active:
            if claim is not None:
                claim.delete()
            return False
        if claim.claimed_by_id != actor.pk and not is_lead_curator(actor):
            raise PermissionDenied
        claim.delete()
        audit_record(actor=actor, subject=item, action="claim release")
    return True


def claim_assign(*, actor: Person, item: models.Model, assignee) -> Claim:
    """A lead curator hands the item to a colleague, whoever held it."""
    if not is_lead_curator(actor):
        raise PermissionDenied
    if not is_curator(assignee):
        raise ValueError("only curators are assigned items")
    with transaction.atomic():
        claim = _claim_write(item=item, claim=_locked_claim(item), user=assignee, assigned_by=actor)
        note = assignee.get_short_name()
        audit_record(actor=actor, subject=item, action="claim assign", note=note)
    return claim
