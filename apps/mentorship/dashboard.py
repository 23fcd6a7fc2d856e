"""The mentorship dashboard's reads: one page where a mentor sees the requests waiting for
them (with their age), their active matches with the next session, open tasks and the last
message, the capacity they use and their completed matches; a mentee sees the same for their
side (a person may be both). A fixed number of queries whatever the number of matches,
sessions, tasks and messages (tests/mentorship/test_dashboard.py, bench/mentor_dashboard.py),
and the two includes of the match page (next session, goals' progress) one query each."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from apps.accounts.models import User
from apps.mentorship.goals import Progress, progress_of
from apps.mentorship.models import (
    MAX_SESSION_MINUTES,
    Match,
    MatchMessage,
    MatchStatus,
    MentoringSession,
    MentoringTask,
    MentorProfile,
    SessionStatus,
)

# Completed matches shown in the history, newest first.
HISTORY_SHOWN = 20
# What the dashboard shows of a match and its two people: their names, not their whole
# profile (a mentor's story in two languages, on every row, cost more than the rest).
SHOWN = (
    "status", "goal", "requested_at", "started_at", "ended_at", "mentor__user_id",
    "mentor__user__display_name", "mentor__user__email", "mentee__display_name",
    "mentee__email",
)  # fmt: skip
# Open tasks shown per active match (the goals page has them all).
TASKS_SHOWN = 5


# A session counts as "next" until it ends; none lasts longer than this.
SESSION_WINDOW = timedelta(minutes=MAX_SESSION_MINUTES)


def next_session_of(match: Match) -> MentoringSession | None:
    """The match's next session not over yet (one query), for the match page."""
    now = timezone.now()
    for session in (
        MentoringSession.objects.filter(match=match)
        .exclude(status=SessionStatus.CANCELLED)
        .filter(starts_at__gt=now - SESSION_WINDOW)
        .order_by("starts_at", "pk")[:3]
    ):
        if session.ends_at > now:
            return session
    return None


@dataclass
class ActiveMatch:
    match: Match
    as_mentor: bool
    other: User
    next_session: MentoringSession | None = None
    open_tasks: list[str] = field(default_factory=list)  # the first few titles
    open_task_count: int = 0
    progress: Progress = field(default_factory=lambda: Progress(0, 0))


@dataclass
class Dashboard:
    profile: MentorProfile | None
    requests_to_answer: list[Match]  # as a mentor: waiting for my answer
    my_requests: list[Match]  # as a mentee: waiting for the mentor (or for me, if staff proposed)
    active: list[ActiveMatch]
    history: list[Match]
    more_history: bool

    @property
    def is_empty(self) -> bool:
        return not (
            self.profile or self.requests_to_answer or self.my_requests or self.active
            or self.history
        )  # fmt: skip


def _last_message(column: str) -> Subquery:
    return Subquery(
        MatchMessage.objects.filter(match=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values(column)[:1]
    )


def dashboard_of(user: User) -> Dashboard:
    """Everything on a person's dashboard in six queries at most: their mentor profile, their
    open matches (with the last message and the next session's id), those sessions, the
    open tasks, the progress, and the completed matches."""
    profile = MentorProfile.objects.filter(user=user).first()
    mine = Q(mentee=user) | Q(mentor=profile) if profile else Q(mentee=user)
    now = timezone.now()
    next_session = Subquery(
        MentoringSession.objects.filter(match=OuterRef("pk"))
        .exclude(status=SessionStatus.CANCELLED)
        .filter(starts_at__gt=now - SESSION_WINDOW)
        .order_by("starts_at", "pk")
        .values("pk")[:1]
    )
    open_matches = list(
        Match.objects.filter(mine, status__in=(MatchStatus.REQUESTED, MatchStatus.PROPOSED,
                                               MatchStatus.ACTIVE))
        .select_related("mentor__user", "mentee")
        .only(*SHOWN)
        .annotate(
            last_message_body=_last_message("body"),
            last_message_at=_last_message("created_at"),
            last_message_sender=_last_message("sender_id"),
            next_session_id=next_session,
        )
        .order_by("requested_at", "pk")
    )  # fmt: skip
    requests_to_answer: list[Match] = []
    my_requests: list[Match] = []
    active: list[ActiveMatch] = []
    for match in open_matches:
        as_mentor = profile is not None and match.mentor_id == profile.pk
        if match.status == MatchStatus.ACTIVE:
            other = match.mentee if as_mentor else match.mentor.user
            active.append(ActiveMatch(match=match, as_mentor=as_mentor, other=other))
        elif as_mentor:
            requests_to_answer.append(match)
        else:
            my_requests.append(match)
    if active:
        _fill_active(active)
    # The newest completed matches picked first, then joined to their people: joined
    # before the pick, a mentor with hundreds of them made PostgreSQL read every profile.
    newest = (
        Match.objects.filter(mine, status=MatchStatus.COMPLETED)
        .order_by("-requested_at", "-pk")
        .values("pk")[: HISTORY_SHOWN + 1]
    )
    history = list(
        Match.objects.filter(pk__in=Subquery(newest))
        .select_related("mentor__user", "mentee")
        .only(*SHOWN)
        .order_by("-requested_at", "-pk")
    )
    return Dashboard(
        profile=profile,
        requests_to_answer=requests_to_answer,
        my_requests=my_requests,
        active=active,
        history=history[:HISTORY_SHOWN],
        more_history=len(history) > HISTORY_SHOWN,
    )


def _fill_active(active: list[ActiveMatch]) -> None:
    """The next sessions, open tasks and progress of the active matches: three queries."""
    ids = [row.match.pk for row in active]
    # The id of each match's next session, annotated by dashboard_of.
    next_ids = {row.match.pk: getattr(row.match, "next_session_id", None) for row in active}
    session_ids = [pk for pk in next_ids.values() if pk]
    sessions = MentoringSession.objects.in_bulk(session_ids) if session_ids else {}
    # The first few open tasks of each match (their titles only): a match with a hundred
    # open tasks costs no more to show than one with five.
    first = Window(
        RowNumber(), partition_by=[F("goal__match_id")], order_by=[F("created_at"), F("pk")]
    )
    tasks = defaultdict(list)
    for match_id, title in (
        MentoringTask.objects.filter(goal__match_id__in=ids, done_at__isnull=True)
        .annotate(number=first)
        .filter(number__lte=TASKS_SHOWN)
        .order_by("goal__match_id", "number")
        .values_list("goal__match_id", "title")
    ):
        tasks[match_id].append(title)
    progress = progress_of(ids)
    for row in active:
        session = sessions.get(next_ids[row.match.pk])
        if session is not None:
            session.match = row.match
        row.next_session = session
        row.open_tasks = tasks[row.match.pk]
        row.progress = progress.get(row.match.pk, Progress(0, 0))
        row.open_task_count = row.progress.total - row.progress.done
