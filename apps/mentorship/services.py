"""Every write to a mentor's profile and a seeker's ask. Applying, reviewing, retiring go
through the shared review workflow (apps.core.services); what is a mentor's own is here:
agreeing to the code of conduct, pausing and resuming, and keeping the search entry in step
(apps.core.indexing: a mentor has an entry only while listed)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.core.roles import Person, is_curator
from apps.core.services import audit_record, publication_submit, publishable_save
from apps.mentorship.models import MentorProfile, MentorshipAsk, Pause


class MentorStateError(Exception):
    """The profile is not in a state this action applies to (already paused, say)."""


def mentor_profile_save(
    *, actor: Person, profile: MentorProfile, agreed: bool = False, submit: bool = False
) -> MentorProfile:
    """Write a person's application (a draft) or their fixes after staff asked for changes;
    record the date they agreed to the code of conduct the first time they do; send it for
    review when asked (InvalidTransition before they agreed). The profile is the actor's own
    (staff may edit any)."""
    with transaction.atomic():
        if profile.pk is None:
            profile.user_id = actor.pk
        # Only the person agrees for themselves (staff may edit the rest).
        newly_agreed = agreed and profile.conduct_agreed_at is None and profile.is_owned_by(actor)
        if newly_agreed:
            profile.conduct_agreed_at = timezone.now()
        publishable_save(actor=actor, item=profile)
        if newly_agreed:
            audit_record(actor=actor, subject=profile, action="agree to conduct")
        if submit:  # InvalidTransition before agreeing to the code of conduct
            publication_submit(actor=actor, item=profile)
    return profile


def _locked(profile: MentorProfile) -> MentorProfile:
    return MentorProfile.objects.select_for_update().get(pk=profile.pk)


def mentor_pause(*, actor: Person, profile: MentorProfile, note: str = "") -> MentorProfile:
    """Take a mentor off the list for a while: the mentor themselves (a vacation), or staff.
    A staff pause is lifted by staff only."""
    by_staff = is_curator(actor) and not profile.is_owned_by(actor)
    if not (by_staff or profile.is_owned_by(actor)):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked(profile)
        if locked.is_paused or locked.status != PublicationStatus.PUBLISHED:
            raise MentorStateError("only an approved mentor who is not paused can pause")
        locked.pause = Pause.STAFF if by_staff else Pause.SELF
        locked.paused_at = timezone.now()
        locked.save(update_fields=["pause", "paused_at", "updated_at"])
        search_index(locked)
        audit_record(
            actor=actor, subject=locked, action="pause by staff" if by_staff else "pause",
            note=note,
        )  # fmt: skip
    return locked


def mentor_resume(*, actor: Person, profile: MentorProfile) -> MentorProfile:
    """Back on the list: the mentor lifts their own pause; staff lift either."""
    with transaction.atomic():
        locked = _locked(profile)
        if not locked.is_paused:
            raise MentorStateError("not paused")
        own = locked.is_owned_by(actor) and locked.pause == Pause.SELF
        if not (own or is_curator(actor)):
            raise PermissionDenied
        locked.pause = Pause.NONE
        locked.paused_at = None
        locked.save(update_fields=["pause", "paused_at", "updated_at"])
        search_index(locked)
        audit_record(actor=actor, subject=locked, action="resume")
    return locked


def mentor_capacity_changed(*, profile: MentorProfile) -> None:
    """For the match services, after they change `active_mentees` under the row lock: a
    full mentor leaves the list and one with room comes back (the entry keeps free places)."""
    search_index(profile)


def mentorship_ask_save(*, actor: Person, ask: MentorshipAsk) -> MentorshipAsk:
    """Keep what a seeker wants help with: their own, one per person."""
    if not actor.is_authenticated or (ask.pk and ask.user_id != actor.pk):
        raise PermissionDenied
    with transaction.atomic():
        ask.user_id = actor.pk
        ask.save()
    return ask
