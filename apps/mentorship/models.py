"""Mentorship: people who offer to mentor (MentorProfile, vetted by staff) and the matches
between a mentor and a seeker (Match), from the request to its end.

A mentor's profile never has a field for immigration status or documents: their own path is
free text they choose to tell."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.addresses import pk_url
from apps.core.models import PublicationStatus, Reviewable, SearchEntry, curation_indexes
from apps.core.personal_data import actor_name
from apps.core.us import zip_code_validator
from apps.core.vocabulary import Category, bits_of
from apps.mentorship.querysets import AskQuerySet, MatchQuerySet, MentorQuerySet

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


# What staff see flagged when a language lacks one (apps.core.curation).
MENTOR_TRANSLATIONS = ("headline", "helps_with")


class MentorProfile(Reviewable):
    """A person's offer to mentor. Staff vet it through the shared review workflow
    (apps.core.models.Reviewable; its owner is the person: `is_owned_by`). Its status is a
    PublicationStatus: pending while it waits, published once approved, rejected when staff
    ask for changes, archived when refused or retired. It is listed only when approved, not
    paused, agreed to the code of conduct and with room for another mentee."""

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

    # The review fields come from Reviewable; staff approve (publish) a profile.
    published_at = models.DateTimeField(_("approved"), null=True, blank=True, db_index=True)

    objects = MentorQuerySet.as_manager()  # type: ignore[misc]

    required_translations = MENTOR_TRANSLATIONS
    owner_related = ("user",)

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
        indexes = [*curation_indexes("mentor", MENTOR_TRANSLATIONS)]

    def __str__(self) -> str:
        return self.user.get_short_name()

    @property
    def owner_name(self) -> str:
        return self.user.get_short_name()

    @property
    def public_name(self) -> str:
        """The name seekers see: the one the person chose to show, never their email."""
        return self.user.display_name or str(_("A Camino mentor"))

    def get_manage_url(self) -> str:
        return reverse("mentorship:manage", kwargs={"pk": self.pk})

    def is_owned_by(self, user) -> bool:
        return self.user_id == user.pk

    def get_absolute_url(self) -> str:
        return pk_url("mentorship:detail", self.pk)

    @property
    def ready_for_review(self) -> bool:
        """A mentor is sent for review once they agreed to the code of conduct."""
        return self.conduct_agreed_at is not None

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.active_mentees, 0)

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
    # When both sides were last asked whether to go on, after a quiet spell: once per spell
    # (a message or session since then starts a new one).
    quiet_prompted_at = models.DateTimeField(_("asked to go on or close"), null=True, blank=True)
    # Staff stopped the match while they look at a conduct report: no messages meanwhile.
    paused_at = models.DateTimeField(_("paused by staff"), null=True, blank=True)

    # What each side chose to share once the match is active (never shown before): their
    # account's email, and a phone number typed here.
    mentee_shares_email = models.BooleanField(_("share my email"), default=False)
    mentee_phone = models.CharField(_("phone to share"), max_length=30, blank=True)
    mentor_shares_email = models.BooleanField(_("share my email"), default=False)
    mentor_phone = models.CharField(_("phone to share"), max_length=30, blank=True)

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

    def get_absolute_url(self) -> str:
        return reverse("mentorship:match", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status == MatchStatus.ACTIVE

    def involves(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.mentee_id, self.mentor.user_id)

    def waits_for(self, side: str | None) -> bool:
        """Whether the match waits for this side ("mentee", "mentor") to accept or decline:
        the mentor, on a request; each side that has not accepted yet, on a proposal."""
        if self.status == MatchStatus.REQUESTED:
            return side == Side.MENTOR
        if self.status == MatchStatus.PROPOSED:
            accepted = {"mentee": self.mentee_accepted_at, "mentor": self.mentor_accepted_at}
            return side in accepted and accepted[side] is None
        return False


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


class FeedbackRating(models.IntegerChoices):
    POOR = 1, _("1 – Poor")
    FAIR = 2, _("2 – Fair")
    GOOD = 3, _("3 – Good")
    VERY_GOOD = 4, _("4 – Very good")
    EXCELLENT = 5, _("5 – Excellent")


class Side(models.TextChoices):
    MENTEE = "mentee", _("Mentee")
    MENTOR = "mentor", _("Mentor")


class MatchFeedback(models.Model):
    """What one side thought of a completed match: private to staff, who read it per mentor
    when vetting. One per side."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="feedback")
    side = models.CharField(_("given by"), max_length=6, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("author"),
    )  # fmt: skip
    rating = models.PositiveSmallIntegerField(_("rating"), choices=FeedbackRating.choices)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["match", "side"], name="feedback_once_per_side"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.rating}/5"


class ConductReason(models.TextChoices):
    HARASSMENT = "harassment", _("Harassment or disrespect")
    MONEY = "money", _("Asks for money or payment")
    STATUS = "status", _("Asks about immigration status or documents")
    OTHER = "other", _("Something else")


class MatchReport(models.Model):
    """One side of a match tells staff about the other's conduct. Staff see open reports
    first (staff summary), may pause the match and the mentor, and resolve it.

    A safety record: it outlives either person's account and the match itself (which goes
    with the accounts). Who reported whom is kept by its own links, emptied when that person
    leaves ("deleted account"); the text and what staff did stay."""

    match = models.ForeignKey(Match, null=True, on_delete=models.SET_NULL, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reported by"),
    )  # fmt: skip
    reporter_side = models.CharField(_("side that reported"), max_length=6, choices=Side.choices)
    reported = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reported person"),
    )  # fmt: skip
    reason = models.CharField(_("what happened"), max_length=12, choices=ConductReason.choices)
    details = models.TextField(_("details"), max_length=4000, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("resolved by"),
    )  # fmt: skip
    resolution = models.TextField(_("what staff did"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("conduct report")
        verbose_name_plural = _("conduct reports")
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(resolved_at=None), name="matchreport_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} (report {self.pk})"

    @property
    def reported_side(self) -> str:
        return Side.MENTOR if self.reporter_side == Side.MENTEE else Side.MENTEE

    def get_reported_side_display(self) -> str:
        return str(Side(self.reported_side).label)

    def reporter_name(self) -> str:
        return actor_name(self.reporter and self.reporter.get_short_name())

    def reported_name(self) -> str:
        return actor_name(self.reported and self.reported.get_short_name())


# What a mentor and a mentee do together once their match is active: sessions (a time, a
# place or a link, confirmed by the other side, with reminders) and goals made of small
# tasks. Seen only by the two people in the match.

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


class MentorSearchEntry(SearchEntry):
    """The search entry of a listed mentor (apps.core.indexing): kept only while the mentor
    is listed (approved, not paused, agreed to the code of conduct, with room). Languages,
    meeting modes and industries are bit sets (`bits_of`): a filter or a ranking criterion
    is one AND of an integer column."""

    mentor = models.OneToOneField(
        MentorProfile, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    languages = models.IntegerField(default=0)
    meeting_modes = models.IntegerField(default=0)
    industries = models.IntegerField(default=0)
    free_places = models.PositiveSmallIntegerField(default=0)

    class Meta(SearchEntry.Meta):
        pass

    def __str__(self) -> str:
        return f"search entry of mentor {self.mentor_id}"

    @staticmethod
    def columns(mentor: MentorProfile) -> dict:
        return {
            "languages": bits_of(mentor.languages, MentoringLanguage),
            "meeting_modes": bits_of(mentor.meeting_modes, MeetingMode),
            "industries": bits_of(mentor.industries, Category),
            "free_places": mentor.free_places,
        }


class MentorshipAsk(models.Model):
    """What a seeker wants help with, in their words: mentors are suggested from it
    (apps.mentorship.ranking), and the weekly digest tells them of new mentors who fit. One
    per person; they change it whenever they like."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorship_ask",
        verbose_name=_("person"),
    )  # fmt: skip
    goal = models.TextField(
        _("what you want help with"), max_length=2000,
        help_text=_("In your own words, e.g. “I want to get my electrician license”."),
    )  # fmt: skip
    industry = models.CharField(
        _("kind of work"), max_length=20, choices=Category.choices, blank=True
    )
    skills = models.CharField(
        _("skills or occupation"), max_length=300, blank=True,
        help_text=_("Separated by commas, e.g. “electrician, interviews”."),
    )  # fmt: skip
    language = models.CharField(
        _("language you want to talk in"), max_length=2, choices=MentoringLanguage.choices,
        default=MentoringLanguage.SPANISH,
    )  # fmt: skip
    meeting_mode = models.CharField(
        _("how you want to meet"), max_length=10, choices=MeetingMode.choices, blank=True
    )
    zip_code = models.CharField(
        _("your ZIP code (to meet in person)"), max_length=5, blank=True,
        validators=[zip_code_validator],
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AskQuerySet.as_manager()

    class Meta:
        verbose_name = _("what a seeker wants help with")
        verbose_name_plural = _("what seekers want help with")

    def __str__(self) -> str:
        return f"ask of user {self.user_id}"
