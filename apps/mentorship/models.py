"""Mentorship: people who offer to mentor (MentorProfile, vetted by staff) and the matches
between a mentor and a seeker (Match), from the request to its end.

A mentor's profile never has a field for immigration status or documents: their own path is
free text they choose to tell."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.models import PublicationStatus
from apps.core.us import zip_code_validator
from apps.mentorship.querysets import MatchQuerySet, MentorQuerySet

# The most mentees a mentor may have at once, and the most hours a month they may offer:
# more than this is a typing mistake.
MAX_CAPACITY = 10
MAX_HOURS_PER_MONTH = 80


class MentoringLanguage(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    PORTUGUESE = "pt", _("Portuguese")
    FRENCH = "fr", _("French")
    HAITIAN_CREOLE = "ht", _("Haitian Creole")


class MeetingMode(models.TextChoices):
    ONLINE = "online", _("Online (video call)")
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")


class Pause(models.TextChoices):
    """Why a mentor is not listed for a while. A mentor lifts their own pause; only staff
    lift theirs."""

    NONE = "", _("Not paused")
    SELF = "self", _("Paused by the mentor")
    STAFF = "staff", _("Paused by staff")


class MentorProfile(models.Model):
    """A person's offer to mentor. Staff vet it through the shared review workflow (its
    status is a PublicationStatus: pending while it waits, published once approved, rejected
    when staff ask for changes, archived when declined or retired); it is listed only when
    approved, not paused, agreed to the code of conduct and with room for another mentee."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile",
        verbose_name=_("mentor"),
    )  # fmt: skip

    # What seekers read (modeltranslation: es and en; one may be missing).
    headline = models.CharField(
        _("headline"), max_length=120, blank=True,
        help_text=_("One line, e.g. “Electrician for 12 years, I help people get licensed”."),
    )  # fmt: skip
    story = models.TextField(_("your story"), max_length=4000, blank=True)
    helps_with = models.TextField(_("what you can help with"), max_length=2000, blank=True)
    own_path = models.CharField(
        _("your own path (optional)"), max_length=300, blank=True,
        help_text=_("If you like, e.g. “Came at 15, licensed electrician now”."),
    )  # fmt: skip
    occupations = models.CharField(
        _("occupations"), max_length=200, blank=True,
        help_text=_("The work you know, e.g. “Electrician, project manager”."),
    )  # fmt: skip
    skills = models.CharField(
        _("skills"), max_length=300, blank=True,
        help_text=_("Separated by commas, e.g. “resumes, interviews, OSHA 10”."),
    )  # fmt: skip

    # Lists of choices (JSON lists, so they work on SQLite too): Category values,
    # MentoringLanguage values and MeetingMode values.
    industries = models.JSONField(_("industries"), default=list)
    languages = models.JSONField(_("languages you mentor in"), default=list)
    meeting_modes = models.JSONField(_("how you meet"), default=list)
    zip_code = models.CharField(
        _("ZIP code where you meet in person"), max_length=5, blank=True,
        validators=[zip_code_validator],
    )  # fmt: skip
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours a month"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_HOURS_PER_MONTH)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("mentees at once"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("How many people you can mentor at the same time, from 1 to 10."),
    )
    # How many matches are active now: kept by the match services under the profile's row
    # lock, so listing "has room" is a column comparison and two accepts cannot overfill it.
    active_mentees = models.PositiveSmallIntegerField(_("active mentees"), default=0)

    conduct_agreed_at = models.DateTimeField(_("agreed to the code of conduct"), null=True)
    pause = models.CharField(
        _("paused"), max_length=5, choices=Pause.choices, default=Pause.NONE, blank=True
    )
    paused_at = models.DateTimeField(_("paused since"), null=True, blank=True)

    # The shared review workflow's fields (apps.core.services), as on a Publishable.
    status = models.CharField(
        _("status"), max_length=12, choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT, db_index=True,
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("submitted by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent for review"), null=True, blank=True)
    published_at = models.DateTimeField(_("approved"), null=True, blank=True, db_index=True)
    review_note = models.TextField(_("reviewer's note"), blank=True)

    objects = MentorQuerySet.as_manager()

    required_translations = ("headline", "helps_with")

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=MAX_CAPACITY),
                name="mentor_capacity_range",
            ),
            models.CheckConstraint(
                condition=Q(active_mentees__lte=F("capacity")),
                name="mentor_within_capacity",
            ),
            models.CheckConstraint(condition=Q(pause__in=Pause.values), name="mentor_pause_valid"),
        ]

    def __str__(self) -> str:
        return self.user.get_short_name()

    @property
    def is_paused(self) -> bool:
        return self.pause != Pause.NONE

    @property
    def has_room(self) -> bool:
        return self.active_mentees < self.capacity

    @property
    def is_listed(self) -> bool:
        return (
            self.status == PublicationStatus.PUBLISHED
            and not self.is_paused
            and self.conduct_agreed_at is not None
            and self.has_room
        )


class MatchStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    # Staff proposed it: it starts when both the seeker and the mentor accept.
    PROPOSED = "proposed", _("Proposed by staff")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("No answer in time")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# A request or match still open: a person has at most one with the same mentor.
OPEN_STATUSES = (MatchStatus.REQUESTED, MatchStatus.PROPOSED, MatchStatus.ACTIVE)


class Match(models.Model):
    """A seeker and a mentor, from the request (or staff's proposal) to its end. Contact
    details are shared only once both sides have accepted (status active)."""

    mentor = models.ForeignKey(
        MentorProfile, on_delete=models.CASCADE, related_name="matches", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorship_matches",
        verbose_name=_("mentee"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.REQUESTED
    )
    # The seeker's words: what they want help with.
    goal = models.TextField(_("what you want help with"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("proposed by"),
    )  # fmt: skip
    # For a staff proposal: when each side accepted.
    mentee_accepted_at = models.DateTimeField(null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)

    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # A kind note when declining, or the reason for cancelling.
    end_note = models.TextField(_("note"), max_length=2000, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("cancelled by"),
    )  # fmt: skip
    # The last message or session: a match quiet for long is prompted to go on or close.
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=OPEN_STATUSES),
                name="match_one_open_per_pair",
            ),
            models.CheckConstraint(
                condition=Q(status__in=MatchStatus.values), name="match_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["mentor", "status", "-requested_at"]),
            models.Index(fields=["mentee", "status", "-requested_at"]),
            models.Index(
                fields=["last_activity_at"],
                condition=Q(status="active"),
                name="match_active_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} ↔ {self.mentee}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status == MatchStatus.ACTIVE

    def involves(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.mentee_id, self.mentor.user_id)


# The longest message: a page of text. Longer is refused with a message, never cut.
MAX_MESSAGE_LENGTH = 5000


class MatchMessage(models.Model):
    """One message in a match's thread: plain text, shown escaped, links not made clickable,
    so nobody has to give out a phone number or an email to talk."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("sender"),
    )  # fmt: skip
    body = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    # When the other side opened the thread after it came.
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["match", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.match}"


# Sessions, goals and tasks: their own module, found by Django through this import.
from apps.mentorship.session_models import (  # noqa: E402
    MentoringGoal,
    MentoringSession,
    MentoringTask,
    SessionStatus,
)

__all__ = [
    "Match", "MatchMessage", "MentorProfile", "MentoringGoal", "MentoringSession",
    "MentoringTask", "SessionStatus",
]  # fmt: skip
