"""Mentorship's writes: a mentor's profile and a seeker's ask, and a match, from the request
(or staff's proposal) to its end, with what happens in it: contact details, messages,
feedback and conduct reports.

A mentor's capacity is never exceeded: every write that fills or frees a seat locks the
mentor's profile row first (select_for_update), so accepts, completions and cancellations of
one mentor happen one at a time and MentorProfile.active_mentees always equals the number of
their active matches (the database checks it stays within capacity as well).

Every transition writes an audit entry and emails the other side (the shared delivery log),
in their language.

Applying, reviewing and retiring a mentor go through the shared review workflow
(apps.core.services); what is a mentor's own is here: agreeing to the code of conduct,
pausing and resuming, and keeping the search entry in step (apps.core.indexing: a mentor has
an entry only while listed)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import User
from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.core.ratelimit import report_allowance_take
from apps.core.roles import Person, is_curator
from apps.core.services import audit_record, publication_submit, publishable_save
from apps.mentorship.models import (
    OPEN_STATUSES,
    Match,
    MatchFeedback,
    MatchMessage,
    MatchReport,
    MatchStatus,
    MentorProfile,
    MentorshipAsk,
    Pause,
    Side,
)
from apps.mentorship.selectors import report_mentor_id
from apps.notifications.services import Outgoing, deliveries_queue, reminder_schedule

S = MatchStatus

# A request or proposal not answered in this time ends; the mentor is reminded half way.
ANSWER_TIME = timedelta(days=14)
ANSWER_REMINDER = timedelta(days=7)
# An active match with no message or session for this long asks both sides to go on or close.
QUIET_AFTER = timedelta(days=60)


class MatchRefused(Exception):
    """The write cannot be done now; `message` says why, translated, for the person."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _locked_mentor(mentor_id: int) -> MentorProfile:
    return MentorProfile.objects.select_for_update(of=("self",)).get(pk=mentor_id)


def _locked_match(match_id: int) -> Match:
    return Match.objects.select_for_update(of=("self",)).select_related("mentor").get(pk=match_id)


def side_of(match: Match, user) -> str | None:
    """ "mentee", "mentor" or None for someone not in the match."""
    if not user.is_authenticated:
        return None
    if user.pk == match.mentee_id:
        return Side.MENTEE
    if user.pk == match.mentor.user_id:
        return Side.MENTOR
    return None


def _other_user_id(match: Match, side: str) -> int:
    return match.mentor.user_id if side == Side.MENTEE else match.mentee_id


def _tell(match: Match, change: str, *recipient_ids: int) -> None:
    """Email these people that the match changed (apps.mentorship.emails.match_changed)."""
    deliveries_queue(
        Outgoing(f"match-{change}:{match.pk}:{user_id}", user_id, "match_changed",
                 {"match": match.pk, "change": change})
        for user_id in recipient_ids
    )  # fmt: skip


def request_refusal(*, user, mentor: MentorProfile) -> "str | None":
    """Why this person cannot ask this mentor now, or None."""
    if not user.is_authenticated:
        return str(_("Sign in to ask for a mentor."))
    if mentor.user_id == user.pk:
        return str(_("You cannot ask yourself to be your mentor."))
    if Match.objects.open_as_mentee(user).filter(mentor=mentor).exists():
        return str(_("You already have an open request or match with this mentor."))
    if mentor.status != PublicationStatus.PUBLISHED or mentor.conduct_agreed_at is None:
        return str(_("This mentor is not taking requests."))
    if mentor.is_paused:
        return str(_("This mentor is taking a break and is not taking requests now."))
    if not mentor.has_room:
        return str(_("This mentor has no free place for a new mentee now. Try another mentor."))
    return None


def match_request(*, user: User, mentor: MentorProfile, goal: str) -> Match:
    """A seeker asks a listed mentor for help, in their own words. The mentor answers within
    ANSWER_TIME, reminded after ANSWER_REMINDER. Raises MatchRefused for a mentor who is not
    listed (paused, full, not approved), oneself, or a pair with an open request or match."""
    if not user.is_authenticated:
        raise PermissionDenied
    with transaction.atomic():
        mentor = _locked_mentor(mentor.pk)
        refusal = request_refusal(user=user, mentor=mentor)
        if refusal:
            raise MatchRefused(refusal)
        now = timezone.now()
        try:
            with transaction.atomic():
                match = Match.objects.create(
                    mentor=mentor, mentee=user, goal=goal, requested_at=now, last_activity_at=now
                )
        except IntegrityError:  # the same pair, a moment ago (a double tap)
            raise MatchRefused(
                _("You already have an open request or match with this mentor.")
            ) from None
        audit_record(actor=user, subject=match, action="match request")
        _tell(match, "requested", mentor.user_id)
        reminder_schedule(
            key=f"match-answer-reminder:{match.pk}", recipient_id=mentor.user_id,
            kind="match_changed", params={"match": match.pk, "change": "reminder"},
            due_at=now + ANSWER_REMINDER,
        )  # fmt: skip
    return match


def match_propose(*, actor: User, mentor: MentorProfile, mentee: User, goal: str) -> Match:
    """Staff propose a match (for a seeker who came through a partner's programme): it starts
    when both sides accept, within ANSWER_TIME."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        mentor = _locked_mentor(mentor.pk)
        if mentor.user_id == mentee.pk:
            raise MatchRefused(_("A mentor cannot be matched with themselves."))
        if Match.objects.open_as_mentee(mentee).filter(mentor=mentor).exists():
            raise MatchRefused(_("These two already have an open request or match."))
        if mentor.status != PublicationStatus.PUBLISHED or mentor.is_paused:
            raise MatchRefused(_("This mentor is not taking mentees now."))
        if not mentor.has_room:
            raise MatchRefused(_("This mentor has no free place for a new mentee now."))
        now = timezone.now()
        match = Match.objects.create(
            mentor=mentor, mentee=mentee, goal=goal, status=S.PROPOSED, proposed_by=actor,
            requested_at=now, last_activity_at=now,
        )  # fmt: skip
        audit_record(actor=actor, subject=match, action="match propose")
        _tell(match, "proposed", mentor.user_id, mentee.pk)
        for side, user_id in ((Side.MENTOR, mentor.user_id), (Side.MENTEE, mentee.pk)):
            reminder_schedule(
                key=f"match-answer-reminder:{match.pk}:{user_id}", recipient_id=user_id,
                kind="match_changed",
                params={"match": match.pk, "change": "reminder", "side": side},
                due_at=now + ANSWER_REMINDER,
            )  # fmt: skip
    return match


def _activate(match: Match, mentor: MentorProfile, now) -> None:
    """Start the match, taking one of the mentor's seats. The caller holds the mentor's lock.
    A mentor on a break may still take the requests that came before it; one paused by
    staff may not."""
    if mentor.pause == Pause.STAFF:
        raise MatchRefused(
            _("Staff have paused this mentor profile, so no new match can start for now.")
        )
    if not mentor.has_room:
        raise MatchRefused(
            _("You have no free place for another mentee. Complete or close a match first, "
              "or raise how many people you mentor at once.")
        )  # fmt: skip
    mentor.active_mentees += 1
    MentorProfile.objects.filter(pk=mentor.pk).update(active_mentees=F("active_mentees") + 1)
    mentor_capacity_changed(profile=mentor)
    match.status = S.ACTIVE
    match.started_at = match.answered_at = match.last_activity_at = now


def _free_seat(mentor: MentorProfile) -> None:
    """An active match ended. The caller holds the mentor's lock."""
    mentor.active_mentees = max(mentor.active_mentees - 1, 0)
    MentorProfile.objects.filter(pk=mentor.pk).update(active_mentees=mentor.active_mentees)
    mentor_capacity_changed(profile=mentor)


def match_accept(*, user: User, match: Match) -> Match:
    """The mentor accepts a request; on a staff proposal, each side accepts and the match
    starts when both have. Starting takes a seat: refused (MatchRefused) when the mentor has
    none free, and when the person accepted already or the match is no longer open."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        mentor = _locked_mentor(match.mentor_id)
        match = _locked_match(match.pk)
        now = timezone.now()
        accepted_already = (
            match.status == S.ACTIVE
            or (side == Side.MENTOR and match.mentor_accepted_at is not None)
            or (side == Side.MENTEE and match.mentee_accepted_at is not None)
        )
        if accepted_already and match.status in OPEN_STATUSES:
            raise MatchRefused(_("You have already accepted this match."))
        if match.status == S.REQUESTED and side == Side.MENTOR:
            match.mentor_accepted_at = match.mentee_accepted_at = now
        elif match.status == S.PROPOSED:
            if side == Side.MENTOR:
                match.mentor_accepted_at = now
            else:
                match.mentee_accepted_at = now
        else:
            raise MatchRefused(_("This request is no longer waiting for an answer."))
        started = match.mentor_accepted_at is not None and match.mentee_accepted_at is not None
        if started:
            _activate(match, mentor, now)
        match.save()
        audit_record(actor=user, subject=match, action="match accept")
        if started:
            _tell(match, "accepted", _other_user_id(match, side))
            if match.status == S.ACTIVE and match.proposed_by_id:
                _tell(match, "started", user.pk)
    return match


def match_decline(*, user: User, match: Match, note: str = "") -> Match:
    """The mentor declines a request (with an optional kind note), or either side declines
    staff's proposal."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        match = _locked_match(match.pk)
        waiting = match.status == S.PROPOSED or (
            match.status == S.REQUESTED and side == Side.MENTOR
        )
        if not waiting:
            raise MatchRefused(_("This request is no longer waiting for an answer."))
        now = timezone.now()
        match.status = S.DECLINED
        match.answered_at = match.ended_at = now
        match.end_note = note
        match.cancelled_by = user
        match.save()
        audit_record(actor=user, subject=match, action="match decline")
        _tell(match, "declined", _other_user_id(match, side))
    return match


def match_cancel(*, user: User, match: Match, reason: str) -> Match:
    """Either side ends an open request or match at any time, with a reason; an active
    match frees the mentor's seat."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        mentor = _locked_mentor(match.mentor_id)
        match = _locked_match(match.pk)
        if match.status not in OPEN_STATUSES:
            raise MatchRefused(_("This match has already ended."))
        if match.status == S.ACTIVE:
            _free_seat(mentor)
        match.status = S.CANCELLED
        match.ended_at = timezone.now()
        match.end_note = reason
        match.cancelled_by = user
        match.save()
        audit_record(actor=user, subject=match, action="match cancel", note=reason[:200])
        _tell(match, "cancelled", _other_user_id(match, side))
    return match


def match_complete(*, user: User, match: Match) -> Match:
    """The mentor or the mentee marks an active match as done: the seat is free again, and
    both are asked for feedback."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        mentor = _locked_mentor(match.mentor_id)
        match = _locked_match(match.pk)
        if match.status != S.ACTIVE:
            raise MatchRefused(_("Only an active match can be completed."))
        _free_seat(mentor)
        match.status = S.COMPLETED
        match.ended_at = timezone.now()
        match.save()
        audit_record(actor=user, subject=match, action="match complete")
        _tell(match, "completed", _other_user_id(match, side))
    return match


def matches_expire(*, now=None) -> int:
    """Periodic: requests and proposals not answered within ANSWER_TIME end as expired; the
    seeker is told and may ask another mentor. Returns how many."""
    now = now or timezone.now()
    due = Match.objects.filter(
        status__in=(S.REQUESTED, S.PROPOSED), requested_at__lte=now - ANSWER_TIME
    ).values_list("pk", flat=True)
    count = 0
    for pk in list(due):
        with transaction.atomic():
            match = _locked_match(pk)
            if match.status not in (S.REQUESTED, S.PROPOSED):
                continue  # answered meanwhile
            match.status = S.EXPIRED
            match.ended_at = now
            match.save(update_fields=["status", "ended_at"])
            audit_record(actor=None, subject=match, action="match expire")
            _tell(match, "expired", match.mentee_id)
            count += 1
    return count


def match_activity_touch(*, match_id: int, when=None) -> None:
    """Something happened in the match (a message; a session, for apps.mentorship's
    sessions): it is not quiet. Call it inside the write's transaction."""
    Match.objects.filter(pk=match_id).update(last_activity_at=when or timezone.now())


def matches_prompt_quiet(*, now=None) -> int:
    """Periodic: an active match with no message or session for QUIET_AFTER asks both sides
    (once per quiet spell) whether to go on or close it. Returns how many matches."""
    now = now or timezone.now()
    quiet = (
        Match.objects.filter(status=S.ACTIVE, last_activity_at__lte=now - QUIET_AFTER)
        .filter(Q(quiet_prompted_at=None) | Q(quiet_prompted_at__lt=F("last_activity_at")))
        .select_related("mentor")
    )
    count = 0
    for match in quiet.iterator():
        with transaction.atomic():
            spell = int(match.last_activity_at.timestamp())
            deliveries_queue(
                Outgoing(f"match-quiet:{match.pk}:{spell}:{user_id}", user_id, "match_changed",
                         {"match": match.pk, "change": "quiet"})
                for user_id in (match.mentee_id, match.mentor.user_id)
            )  # fmt: skip
            Match.objects.filter(pk=match.pk).update(quiet_prompted_at=now)
            count += 1
    return count


def match_contact_set(*, user: User, match: Match, share_email: bool, phone: str) -> Match:
    """What this side shares with the other once the match is active: their email, a phone
    number, both or nothing."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        match = _locked_match(match.pk)
        if side == Side.MENTEE:
            match.mentee_shares_email, match.mentee_phone = share_email, phone
        else:
            match.mentor_shares_email, match.mentor_phone = share_email, phone
        match.save()
        audit_record(actor=user, subject=match, action="match contact")
    return match


def message_refusal(match: Match) -> "str | None":
    if match.status != S.ACTIVE:
        return str(_("Messages can be sent only while the match is active."))
    if match.paused_at is not None:
        return str(_("Staff have paused this match while they look into a report."))
    return None


def match_message_send(*, user: User, match: Match, body: str) -> MatchMessage:
    """A message to the other side, who gets an email in their language (with the text only
    if they chose so on their preferences)."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        match = _locked_match(match.pk)
        refusal = message_refusal(match)
        if refusal:
            raise MatchRefused(refusal)
        now = timezone.now()
        message = MatchMessage.objects.create(match=match, sender=user, body=body, created_at=now)
        match_activity_touch(match_id=match.pk, when=now)
        receiver = _other_user_id(match, side)
        deliveries_queue(
            [Outgoing(f"match-message:{message.pk}", receiver, "match_message",
                      {"message": message.pk})]
        )  # fmt: skip
    return message


def match_messages_read(*, user: User, match: Match) -> int:
    """The person opened the thread: the other side's messages are read. Returns how many."""
    if side_of(match, user) is None:
        return 0
    return (
        MatchMessage.objects.filter(match=match, read_at=None)
        .exclude(sender=user)
        .update(read_at=timezone.now())
    )


def match_read_by_staff(*, actor: User, match: Match) -> None:
    """Staff opened a match someone reported (its messages are private otherwise): an audit
    entry says who read it and when."""
    if not is_curator(actor):
        raise PermissionDenied
    audit_record(actor=actor, subject=match, action="match read by staff")


def match_feedback_give(*, user: User, match: Match, rating: int, comment: str) -> MatchFeedback:
    """After a completed match, each side says once how it went (staff only read it)."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    match.refresh_from_db(fields=["status"])
    if match.status != S.COMPLETED:
        raise MatchRefused(_("Feedback can be given once the match is completed."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                feedback = MatchFeedback.objects.create(
                    match=match, side=side, author=user, rating=rating, comment=comment
                )
        except IntegrityError:
            raise MatchRefused(_("You have already given feedback on this match.")) from None
        audit_record(actor=user, subject=match, action="match feedback")
    return feedback


def match_report(*, user: User, match: Match, who: str, reason: str, details: str) -> MatchReport:
    """One side reports the other's conduct to staff (apps.core.ratelimit's limits: raises
    ReportLimitReached)."""
    side = side_of(match, user)
    if side is None:
        raise PermissionDenied
    report_allowance_take(kind="match", who=who, item_id=match.pk)
    with transaction.atomic():
        report = MatchReport.objects.create(
            match=match, reporter=user, reporter_side=side, reported_id=_other_user_id(match, side),
            reason=reason, details=details,
        )  # fmt: skip
        audit_record(actor=user, subject=match, action="match report", note=reason)
    return report


def match_report_handle(
    *, actor: User, report: MatchReport, pause_match: bool, pause_mentor: bool,
    resume_match: bool, resolve: bool, note: str,
) -> MatchReport:  # fmt: skip
    """Staff act on a conduct report: pause (or resume) the match, pause the mentor (they
    leave the list until staff lift it), and resolve the report with what they did. Once the
    match went with an account, only the mentor (if they are the one reported and still
    here) can be paused."""
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        match = _locked_match(report.match_id) if report.match_id else None
        mentor_id = report_mentor_id(report)
        now = timezone.now()
        if match is not None and pause_match and match.paused_at is None:
            Match.objects.filter(pk=match.pk).update(paused_at=now)
            audit_record(actor=actor, subject=match, action="match pause", note=note[:200])
        elif match is not None and resume_match and match.paused_at is not None:
            Match.objects.filter(pk=match.pk).update(paused_at=None)
            audit_record(actor=actor, subject=match, action="match resume", note=note[:200])
        if pause_mentor and mentor_id is not None:
            mentor = _locked_mentor(mentor_id)
            if mentor.pause != Pause.STAFF:  # a mentor on a break is now held by staff
                mentor.pause, mentor.paused_at = Pause.STAFF, now
                mentor.save(update_fields=["pause", "paused_at", "updated_at"])
                search_index(mentor)  # off the list and the suggestions
                audit_record(actor=actor, subject=mentor, action="pause by staff", note=note[:200])
        if resolve and report.resolved_at is None:
            report.resolved_at, report.resolved_by, report.resolution = now, actor, note
            report.save(update_fields=["resolved_at", "resolved_by", "resolution"])
            audit_record(actor=actor, subject=match or report, action="match report resolve")
    return report


def matches_close_for_leaving(user) -> None:
    """Before a person's account and their matches go (apps.core.personal_data): each open
    match they are in ends, a seat taken is freed, and the other side is told in their
    language. The email cannot name the match (its rows go with the account), so it carries
    only the side that left and when the match began."""
    open_matches = (
        Match.objects.open().filter(Q(mentee=user) | Q(mentor__user=user)).select_related("mentor")
    )
    for match in list(open_matches):
        with transaction.atomic():
            mentor = _locked_mentor(match.mentor_id)
            match = _locked_match(match.pk)
            if match.status not in OPEN_STATUSES:
                continue
            leaving = Side.MENTOR if mentor.user_id == user.pk else Side.MENTEE
            other = match.mentee_id if leaving == Side.MENTOR else mentor.user_id
            if match.status == S.ACTIVE and leaving == Side.MENTEE:
                _free_seat(mentor)  # (a leaving mentor's profile goes with them)
            match.status, match.ended_at = S.CANCELLED, timezone.now()
            match.save(update_fields=["status", "ended_at"])
            deliveries_queue(
                [Outgoing(f"match-left:{match.pk}:{other}", other, "match_left",
                          {"side": leaving, "since": match.requested_at.date().isoformat()})]
            )  # fmt: skip


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


def mentor_pause(*, actor: Person, profile: MentorProfile, note: str = "") -> MentorProfile:
    """Take a mentor off the list for a while: the mentor themselves (a vacation), or staff.
    A staff pause is lifted by staff only."""
    by_staff = is_curator(actor) and not profile.is_owned_by(actor)
    if not (by_staff or profile.is_owned_by(actor)):
        raise PermissionDenied
    with transaction.atomic():
        locked = _locked_mentor(profile.pk)
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
        locked = _locked_mentor(profile.pk)
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
