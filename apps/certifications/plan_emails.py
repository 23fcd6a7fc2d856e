"""The reminder of a plan step's target date (a writer of apps.notifications' email_kinds):
the step's title as text, the date in the recipient's language, a link to their plan. The
batch is loaded in one query; a reminder whose step was done or deleted since, or moved to
another date (that date has its own reminder), is dropped."""

from datetime import date

from django.utils.formats import date_format

from apps.certifications.models import PlanStep
from apps.core.emails import page_url
from apps.notifications.registry import Email


def plan_reminder(batch: list[dict]) -> list[Email | None]:
    steps = PlanStep.objects.in_bulk([params["step"] for params in batch])
    emails: list[Email | None] = []
    for params in batch:
        step = steps.get(params["step"])
        target = date.fromisoformat(params["target_date"])
        current = step is not None and not step.done and step.target_date == target
        emails.append(
            Email(
                topic="plan_reminders",
                template="certifications/email/plan_reminder",
                context={
                    "step": step,
                    "when": lambda target=target: date_format(target, "DATE_FORMAT"),
                    "plan_url": page_url("certifications:plan"),
                },
            )
            if current
            else None
        )
    return emails
