"""Certifications' personal data (apps.core.personal_data), declared by
CertificationsConfig.ready(): a seeker's plan is theirs alone (in their download, deleted
with their account); trainings a partner created and the state rules a staff member checked
stay, without them."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from apps.certifications.models import PlanStep, StateRule
from apps.core.personal_data import DELETE, KEEP, PersonalData, listings_created


def plan_rows(user) -> Iterable[Mapping[str, Any]]:
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


def checked_rule_rows(user):
    rules = StateRule.objects.filter(checked_by=user).select_related("credential")
    for rule in rules.order_by("checked_at", "id"):
        yield {
            "credential": rule.credential.name,
            "state": rule.get_state_display(),
            "checked_at": rule.checked_at,
        }


# A rule stays when the staff member who last checked it deletes their account: the public
# page names the source and the date, never who checked it.
RULES_CHECKED_BY = PersonalData(
    name="certifications_rules_checked",
    model="certifications.StateRule",
    title=_("State rules of credentials you checked"),
    field="checked_by",
    on_erase=KEEP,
    columns=(
        ("credential", _("Credential")),
        ("state", _("State")),
        ("checked_at", _("Checked")),
    ),
    rows=checked_rule_rows,
)


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
    RULES_CHECKED_BY,
    listings_created(
        name="trainings_submitted", model="certifications.Training",
        title=_("Trainings you created"), item_label=_("Training"),
    ),
]  # fmt: skip
