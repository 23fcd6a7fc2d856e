"""Writing know-your-rights guides: staff only, each change in the audit log. The public
guide pages are cached for anonymous visitors, so every change marks them changed."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from apps.core.pagecache import pages_changed
from apps.core.roles import Person, is_curator
from apps.core.services import audit_record
from apps.core.verification import checked_confirm, checked_types
from apps.legal.models import Guide


def guide_save(*, actor: Person, guide: Guide) -> Guide:
    """Write a new guide or save edits. A new guide counts as reviewed by whoever wrote it;
    edits leave the review date alone (staff mark it reviewed when they have checked it)."""
    if not is_curator(actor):
        raise PermissionDenied
    creating = guide.pk is None
    with transaction.atomic():
        if creating:
            guide.reviewed_at = timezone.now()
            guide.reviewed_by_id = actor.pk
        guide.save()
        audit_record(actor=actor, subject=guide, action="create" if creating else "edit")
        pages_changed(Guide)
    return guide


def guide_mark_reviewed(*, actor: Person, guide: Guide) -> Guide:
    """Staff checked the guide and it is still correct: it leaves the stale queue (the
    shared one, apps.core.verification) for another LEGAL_GUIDE_STALE_AFTER_MONTHS."""
    return checked_confirm(actor=actor, kind=checked_types["legal-guides"], item=guide)
