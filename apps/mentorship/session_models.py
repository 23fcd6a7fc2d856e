"""What a mentor and a mentee do together once their match is active: sessions (a time, a
place or a link, confirmed by the other side, with reminders) and goals made of small tasks.

Kept apart from apps.mentorship.models (profiles, matches, messages), which imports these at
its end so Django finds them. Everything here is seen only by the two people in the match."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.mentorship.models import MeetingMode

# How long a session may be, in minutes, and how far ahead it may be set.
SESSION_LENGTHS = (30, 45, 60, 90, 120)
MAX_SESSION_MINUTES = 240
FURTHEST_AHEAD = timedelta(days=365)
MAX_NOTES_LENGTH = 4000
MAX_TITLE_LENGTH = 200


class SessionStatus(models.TextChoices):
    # One side proposed the time; the other confirms it or proposes another.
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class MentoringSession(models.Model):
    """A time the mentor and the mentee meet. Moving it (proposing another time) makes it a
    proposal again, from the one who moved it, and raises `sequence`, so calendars that
    imported its .ics update their entry; reminders go out only for a confirmed session."""

    match = models.ForeignKey(
        "mentorship.Match", on_delete=models.CASCADE, related_name="sessions",
        verbose_name=_("match"),
    )  # fmt: skip
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("proposed by"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=9, choices=SessionStatus.choices, default=SessionStatus.PROPOSED
    )
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        validators=[MinValueValidator(15), MaxValueValidator(MAX_SESSION_MINUTES)],
    )
    mode = models.CharField(
        _("how you meet"), max_length=9, choices=MeetingMode.choices, default=MeetingMode.ONLINE
    )
    # Shown only to the two people in the match.
    place = models.CharField(
        _("place or phone details"), max_length=300, blank=True,
        help_text=_("An address, a café, or who calls whom. Only the two of you see it."),
    )  # fmt: skip
    join_url = models.URLField(
        _("link to the video call"), max_length=500, blank=True,
        help_text=_("Only the two of you see it."),
    )  # fmt: skip
    sequence = models.PositiveIntegerField(_("version"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("cancelled by"),
    )  # fmt: skip
    # After the session: what was covered, visible to both.
    notes = models.TextField(_("what you covered"), max_length=MAX_NOTES_LENGTH, blank=True)
    notes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("notes written by"),
    )  # fmt: skip
    notes_at = models.DateTimeField(_("notes written"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=SessionStatus.values), name="session_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=15, minutes__lte=MAX_SESSION_MINUTES),
                name="session_minutes_range",
            ),
        ]
        indexes = [models.Index(fields=["match", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.match} @ {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.minutes)

    @property
    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    @property
    def is_confirmed(self) -> bool:
        return self.status == SessionStatus.CONFIRMED

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()


class MentoringGoal(models.Model):
    """Something the two agreed to work towards, made of small tasks."""

    match = models.ForeignKey(
        "mentorship.Match", on_delete=models.CASCADE, related_name="goals",
        verbose_name=_("match"),
    )  # fmt: skip
    title = models.CharField(_("goal"), max_length=MAX_TITLE_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("added by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        indexes = [models.Index(fields=["match", "created_at"])]

    def __str__(self) -> str:
        return self.title


class MentoringTask(models.Model):
    """One small step towards a goal, checked off by either side."""

    goal = models.ForeignKey(
        MentoringGoal, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("goal")
    )
    title = models.CharField(_("task"), max_length=MAX_TITLE_LENGTH)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("added by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("checked off by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["goal", "created_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
