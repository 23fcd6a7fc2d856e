"""What a seeker's plan adds to the shared pieces, called from CertificationsConfig.ready():
its reminder email and the preference topic that turns it off, and its section of My
Camino."""

from django.utils.translation import gettext_lazy as _


def plan_register() -> None:
    from apps.certifications.plan_emails import plan_reminder
    from apps.certifications.plan_selectors import plan_summary
    from apps.core.registry import PersonalSection, personal_sections
    from apps.notifications.registry import EmailTopic, email_kind_register, email_topics

    email_kind_register("plan_reminder", plan_reminder, _("A reminder of a step in your plan"))
    email_topics.register(
        "plan_reminders",
        EmailTopic(
            _("Reminders about my plan, a few days before a step's target date"),
            default=True,
            hint=_("Target dates are set for each step of your plan."),
            hint_url="certifications:plan",
        ),
    )
    personal_sections.register(
        "plan",
        PersonalSection(
            title=_("My plan"),
            template="certifications/includes/my_camino_plan.html",
            load=plan_summary,
            empty_url_name="certifications:plan",
            empty_text=_("Plan your next steps: a credential, a course, jobs to apply to."),
            empty_link_label=_("Start my plan"),
        ),
    )
