"""Notifications' personal data (apps.core.personal_data): email preferences and the log of
emails sent go with the person."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, PersonalData
from apps.notifications.models import Delivery, EmailPreferences
from apps.notifications.registry import email_kind_labels, email_topics


def preference_rows(user):
    # Without a row of their own, the defaults are what applies to them.
    preferences = EmailPreferences.objects.filter(user=user).first() or EmailPreferences()
    for key, topic in email_topics.items():
        if user.is_staff or not topic.staff_only:
            yield {"topic": topic.label, "wanted": preferences.wants(key)}


def delivery_rows(user):
    for delivery in Delivery.objects.filter(recipient=user).order_by("created_at", "id"):
        yield {
            "kind": str(email_kind_labels.get(delivery.kind, delivery.kind)),
            "status": delivery.get_status_display(),
            "created_at": delivery.created_at,
            "sent_at": delivery.sent_at,
        }


ENTRIES = [
    PersonalData(
        name="email_preferences",
        model="notifications.EmailPreferences",
        title=_("Email preferences"),
        field="user",
        on_erase=DELETE,
        columns=(("topic", _("Email")), ("wanted", _("Wanted"))),
        rows=preference_rows,
    ),
    PersonalData(
        name="emails",
        model="notifications.Delivery",
        title=_("Emails Camino sent you"),
        field="recipient",
        on_erase=DELETE,
        columns=(
            ("kind", _("Kind")),
            ("status", _("Status")),
            ("created_at", _("Created")),
            ("sent_at", _("Sent")),
        ),
        rows=delivery_rows,
    ),
]
