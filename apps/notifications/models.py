from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    """One email to one person, recorded before it is sent. The unique key makes a second
    request for the same email (a retry, a second worker, a repeated beat tick) a no-op; the
    status and lease let a crashed send be picked up again by the sweeper."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        DROPPED = "dropped", _("Not sent: no longer relevant")

    key = models.CharField(_("key"), max_length=200)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=40)
    # Ids of what the email is about, never its text: it is rendered when sent.
    params = models.JSONField(_("parameters"), default=dict)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    # Not sent before this: now for most emails, later for a reminder.
    due_at = models.DateTimeField(_("due"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A send in progress owns the row until then; past it, the sweeper may take it over.
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        # Every email writes its row three times (queued, sending, sent), so the table keeps
        # few indexes: the unique key as a constraint (a unique field would add a second,
        # pattern-matching index), and, for the sweeper, an index of the rows still to send.
        constraints = [models.UniqueConstraint(fields=["key"], name="delivery_unique_key")]
        indexes = [
            models.Index(
                fields=["status", "due_at"],
                name="delivery_to_send",
                condition=models.Q(status__in=["pending", "sending"]),
            ),
            # The dashboard's weekly counts of each kind (apps.notifications.dashboard): on
            # columns a send never changes, so it costs sends no more than one insert.
            models.Index(fields=["kind", "created_at"], name="delivery_kind_created"),
        ]

    def __str__(self) -> str:
        return self.key


class EmailPreferences(models.Model):
    """Which emails a person wants, by topic (apps.notifications.registry.email_topics). A
    topic missing from `choices` has its default, so a new topic needs no new column; a
    person without a row has every default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preferences"
    )
    choices = models.JSONField(_("choices"), default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("email preferences")
        verbose_name_plural = _("email preferences")

    def __str__(self) -> str:
        return f"email preferences of {self.user}"

    def wants(self, topic: str) -> bool:
        from apps.notifications.registry import email_topics

        return self.choices.get(topic, email_topics[topic].default)
