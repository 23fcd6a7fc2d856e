"""Reads of a seeker's plan: their steps in the order they work through them (still to do by
position, then done), with what each is linked to, in one query."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from apps.certifications.models import PlanStep


def plan_of(user) -> QuerySet[PlanStep]:
    """The person's steps, their own only (another person's step is not found)."""
    if not user.is_authenticated:
        return PlanStep.objects.none()
    return PlanStep.objects.filter(user=user)


def plan_steps(user) -> list[PlanStep]:
    return list(
        plan_of(user).select_related("credential", "training").order_by("done", "position", "pk")
    )


def plan_summary(user, *, next_steps: int = 3) -> dict | None:
    """For My Camino: the next steps still to do, how many are overdue, done and in all (two
    queries), or None for an empty plan."""
    today = timezone.localdate()
    counts = plan_of(user).aggregate(
        total=Count("pk"),
        done_count=Count("pk", filter=Q(done=True)),
        overdue=Count("pk", filter=Q(done=False, target_date__lt=today)),
    )
    if not counts["total"]:
        return None
    steps = list(plan_of(user).filter(done=False).order_by("position", "pk")[:next_steps])
    return {
        "steps": steps, "done": counts["done_count"], "overdue": counts["overdue"],
        "to_do": counts["total"] - counts["done_count"],
    }  # fmt: skip
