"""A seeker's plan in their personal data (apps.core.personal_data): the download lists every
step with what it says; deleting the account deletes the plan."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, PersonalData


def plan_rows(user) -> Iterable[Mapping[str, Any]]:
    from apps.certifications.models import PlanStep

    steps = (
        PlanStep.objects.filter(user=user)
        .select_related("credential", "training")
        .order_by("done", "position", "pk")
    )
    for step in steps:
        yield {
            "title": step.title,
            "target_date": step.target_date,
            "done": step.done,
            "done_at": step.done_at,
            "notes": step.notes,
            "credential": step.credential.name if step.credential else "",
            "training": step.training.title if step.training else "",
            "created_at": step.created_at,
        }


ENTRIES = [
    PersonalData(
        name="plan_steps",
        model="certifications.PlanStep",
        title=_("Your plan"),
        field="user",
        on_erase=DELETE,
        columns=(
            ("title", _("Step")), ("target_date", _("Target date")), ("done", _("Done")),
            ("done_at", _("Done on")), ("notes", _("Notes")), ("credential", _("Credential")),
            ("training", _("Training")), ("created_at", _("Added")),
        ),
        rows=plan_rows,
    ),
]  # fmt: skip
