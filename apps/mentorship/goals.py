"""Goals and tasks: what the mentor and the mentee agreed to work towards, in small steps
that either of them adds and checks off. Both see all of it; progress is tasks done out of
all tasks.

Like saving a job or checking off a step, these are a match's own working notes, not
decisions anyone must answer for later: they write no audit entries (sessions do)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from apps.accounts.models import User
from apps.mentorship.models import Match, MatchStatus, MentoringGoal, MentoringTask
from apps.mentorship.sessions import SessionRefused

# A goal holds a short list; more is a sign it should be two goals.
MAX_GOALS = 20
MAX_TASKS_PER_GOAL = 30


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress_of(match_ids) -> dict[int, Progress]:
    """Tasks done and all tasks of each match, in one query."""
    rows = (
        MentoringTask.objects.filter(goal__match_id__in=list(match_ids))
        .values("goal__match_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(done_at__isnull=False)))
        .order_by()
    )
    return {row["goal__match_id"]: Progress(row["done"], row["total"]) for row in rows}


def _check(match: Match, actor: User) -> None:
    if not match.involves(actor):
        raise PermissionDenied
    if match.status != MatchStatus.ACTIVE:
        raise SessionRefused(gettext_lazy("Goals are set while the match is active."))


def goal_add(*, actor: User, match: Match, title: str) -> MentoringGoal:
    _check(match, actor)
    with transaction.atomic():
        Match.objects.select_for_update(of=("self",)).filter(pk=match.pk).first()
        if MentoringGoal.objects.filter(match=match).count() >= MAX_GOALS:
            raise SessionRefused(
                gettext_lazy("A match has at most %(count)s goals.") % {"count": MAX_GOALS}
            )
        now = timezone.now()
        goal = MentoringGoal.objects.create(
            match=match, title=title, created_by=actor, created_at=now
        )
        Match.objects.filter(pk=match.pk).update(last_activity_at=now)
    return goal


def task_add(*, actor: User, goal: MentoringGoal, title: str) -> MentoringTask:
    _check(goal.match, actor)
    with transaction.atomic():
        MentoringGoal.objects.select_for_update().filter(pk=goal.pk).first()
        if MentoringTask.objects.filter(goal=goal).count() >= MAX_TASKS_PER_GOAL:
            raise SessionRefused(
                gettext_lazy("A goal has at most %(count)s tasks.") % {"count": MAX_TASKS_PER_GOAL}
            )
        now = timezone.now()
        task = MentoringTask.objects.create(
            goal=goal, title=title, created_by=actor, created_at=now
        )
        Match.objects.filter(pk=goal.match_id).update(last_activity_at=now)
    return task


def task_check(*, actor: User, task: MentoringTask, done: bool) -> MentoringTask:
    """Check a task off (done=True) or open it again. Doing it twice changes nothing."""
    _check(task.goal.match, actor)
    with transaction.atomic():
        task = MentoringTask.objects.select_for_update().get(pk=task.pk)
        if task.is_done == done:
            return task
        now = timezone.now()
        task.done_at, task.done_by = (now, actor) if done else (None, None)
        task.save(update_fields=["done_at", "done_by"])
        Match.objects.filter(pk=task.goal.match_id).update(last_activity_at=now)
    return task
