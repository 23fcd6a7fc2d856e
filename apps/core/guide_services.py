"""Writing guides of any type (apps.core.guides): staff only, each change in the audit log.
The public guide pages are cached for anonymous visitors, so every change marks them
changed."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from apps.core.guides import guide_type_of
from apps.core.models import Guide
from apps.core.pagecache import pages_changed
from apps.core.roles import Person, is_curator
from apps.core.services import audit_record
from apps.core.verification import checked_confirm


def guide_save(
    *, actor: Person, guide: Guide, save_related: Callable[[], None] | None = None
) -> Guide:
    """Write a new guide or save edits. A new guide counts as reviewed by whoever wrote it;
    edits leave the review date alone (staff mark it reviewed when they have checked it).
    `save_related` saves what the form holds beyond the row (a form's save_m2m)."""
    if not is_curator(actor):
        raise PermissionDenied
    creating = guide.pk is None
    with transaction.atomic():
        if creating:
            guide.reviewed_at = timezone.now()
            guide.reviewed_by_id = actor.pk
        guide.save()
        if save_related is not None:
            save_related()
        audit_record(actor=actor, subject=guide, action="create" if creating else "edit")
        pages_changed(type(guide))
    return guide


def guide_mark_reviewed(*, actor: Person, guide: Guide) -> Guide:
    """Staff checked the guide and it is still correct: it leaves the stale queue (the
    shared one, apps.core.verification) for another of its type's periods."""
    return checked_confirm(actor=actor, kind=guide_type_of(type(guide)).checked, item=guide)
