import re
import unicodedata
import zoneinfo
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.addresses import pk_url
from apps.core.fields import ExternalIdField, WebAddressField, external_id_unique
from apps.core.i18n import translated
from apps.core.models import Publishable, SearchEntry, curation_indexes
from apps.core.personal_data import DELETED_ACCOUNT
from apps.core.us import DEFAULT_TIME_ZONE, State, TimeZone, zip_code_validator
from apps.events.querysets import EventQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class EventKind(models.TextChoices):
    CAREER_FAIR = "career_fair", _("Career fair")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("Webinar")
    NETWORKING = "networking", _("Networking meetup")
    INFO_SESSION = "info_session", _("Information session")
    OFFICE_HOURS = "office_hours", _("Office hours")


class WorkshopTopic(models.TextChoices):
    """What a workshop is about (workshops only)."""

    RESUME = "resume", _("Resumes")
    INTERVIEW = "interview", _("Job interviews")
    KNOW_YOUR_RIGHTS = "rights", _("Know your rights")
    ITIN_TAXES = "itin_taxes", _("ITIN and taxes")
    BUSINESS = "business", _("Starting a business")


class EventLanguage(models.TextChoices):
    """The language people speak at the event. Seekers filter on Spanish or English; an
    event in both matches either."""

    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    BOTH = "both", _("Spanish and English")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


# Formats that happen at a venue, and formats that have a join link.
AT_A_VENUE = (EventFormat.IN_PERSON, EventFormat.HYBRID)
ONLINE_FORMATS = (EventFormat.ONLINE, EventFormat.HYBRID)


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    YOUTH = "youth", _("Young people")
    WOMEN = "women", _("Women")
    TRADES = "trades", _("People in specific trades")


class IdAtTheDoor(models.TextChoices):
    """Whether the venue asks for a government ID to enter. Many buildings do, and for many
    seekers that decides whether they can come: they filter on "no ID needed"."""

    NOT_NEEDED = "no", _("No ID needed to enter")
    NEEDED = "yes", _("Government ID needed to enter the building")
    UNKNOWN = "unknown", _("Not known: ask the organizer")


# The range of dates an event may have: anything outside is a typing mistake (1900, 9999).
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 1, 1)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


class EventSeries(models.Model):
    """Events that repeat (a weekly office hour): apps.events.services.event_series_create
    makes the occurrences from the first one. Each occurrence is an Event of its own, so one
    can be moved or cancelled alone; the first one's review applies to the rest."""

    class Frequency(models.IntegerChoices):
        WEEKLY = 1, _("Every week")
        EVERY_OTHER_WEEK = 2, _("Every other week")

    MAX_OCCURRENCES = 26

    every_weeks = models.PositiveSmallIntegerField(
        _("how often"), choices=Frequency.choices, default=Frequency.WEEKLY
    )
    occurrences = models.PositiveSmallIntegerField(
        _("how many times"),
        validators=[MinValueValidator(2)],
        help_text=_("Including the first one, at most 26."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("series of events")
        verbose_name_plural = _("series of events")
        constraints = [
            models.CheckConstraint(
                condition=Q(occurrences__gte=2, occurrences__lte=26),
                name="event_series_occurrences_range",
            ),
            models.CheckConstraint(
                condition=Q(every_weeks__in=[1, 2]), name="event_series_every_weeks_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_every_weeks_display()} × {self.occurrences}"


# What staff see flagged when a language lacks one (apps.core.curation).
EVENT_TRANSLATIONS = ("title", "description")


class Event(Publishable):
    title = models.CharField(_("title"), max_length=160, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    accessibility_notes = models.TextField(_("accessibility"), max_length=2_000, blank=True)
    what_to_bring = models.TextField(_("what to bring"), max_length=2_000, blank=True)

    kind = models.CharField(_("kind of event"), max_length=16, choices=EventKind.choices)
    topic = models.CharField(
        _("workshop topic"), max_length=12, choices=WorkshopTopic.choices, blank=True
    )
    language = models.CharField(
        _("language spoken"), max_length=4, choices=EventLanguage.choices,
        default=EventLanguage.SPANISH,
    )  # fmt: skip
    interpretation = models.BooleanField(
        _("interpretation offered"), default=False,
        help_text=_("An interpreter helps people who speak the other language."),
    )  # fmt: skip

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=32, choices=TimeZone.choices, default=DEFAULT_TIME_ZONE
    )

    is_free = models.BooleanField(_("free"), default=True)
    cost = models.DecimalField(
        _("cost in dollars"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    cost_note = models.CharField(
        _("about the cost"), max_length=200, blank=True,
        help_text=_("For example: a sliding scale, or lunch included."),
    )  # fmt: skip
    audience = models.CharField(
        _("for whom"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    audience_note = models.CharField(
        _("which people"), max_length=200, blank=True,
        help_text=_("For example: construction and remodeling workers."),
    )  # fmt: skip
    id_at_the_door = models.CharField(
        _("government ID at the door"), max_length=8, choices=IdAtTheDoor.choices,
        default=IdAtTheDoor.UNKNOWN, db_index=True,
    )  # fmt: skip

    format = models.CharField(
        _("where it happens"), max_length=10, choices=EventFormat.choices,
        default=EventFormat.IN_PERSON,
    )  # fmt: skip
    venue_name = models.CharField(_("venue"), max_length=160, blank=True)
    address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=State.choices, blank=True)
    zip_code = models.CharField(
        _("ZIP code"), max_length=5, blank=True, validators=[zip_code_validator]
    )
    # Only people registered for the event ever see it: never on a public page or a feed.
    join_url = WebAddressField(_("link to join online"), blank=True)

    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leave empty when there is no limit."),
    )  # fmt: skip
    # Seats still free (None: no limit). Kept by the registration services.
    seats_left = models.IntegerField(null=True, blank=True, editable=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)

    series = models.ForeignKey(
        EventSeries, null=True, blank=True, on_delete=models.SET_NULL, related_name="events",
        verbose_name=_("series"),
    )  # fmt: skip
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    external_id = ExternalIdField()
    # iCalendar's SEQUENCE: raised whenever calendars must update (moved, cancelled).
    sequence = models.PositiveIntegerField(default=0, editable=False)

    required_translations = EVENT_TRANSLATIONS

    objects = EventQuerySet.as_manager()  # type: ignore[misc]  # django-stubs#1713, as Job

    distance: float | None  # miles from the searched ZIP code, set by selectors.events_for()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            external_id_unique("events_event_external_id_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__gte=EARLIEST, ends_at__lt=LATEST),
                name="event_dates_in_range",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="event_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(seats_left__isnull=True) | Q(seats_left__gte=0),
                name="event_seats_left_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=Q(is_free=False) | Q(cost__isnull=True), name="event_free_has_no_cost"
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gt=0), name="event_cost_positive"
            ),
            models.CheckConstraint(
                condition=Q(kind=EventKind.WORKSHOP) | Q(topic=""),
                name="event_topic_only_for_workshops",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            *curation_indexes("event", EVENT_TRANSLATIONS),
        ]

    def __str__(self) -> str:
        return translated(self, "title").text or str(_("Untitled event"))

    def get_absolute_url(self) -> str:
        return pk_url("events:detail", self.pk)

    def get_ics_url(self) -> str:
        return reverse("events:ics", kwargs={"pk": self.pk})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self) -> datetime:
        """The start in the event's own time zone."""
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def last_day(self) -> date:
        """The day it ends, where it happens: it is listed until then."""
        return self.local_ends_at.date()

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def at_a_venue(self) -> bool:
        return self.format in AT_A_VENUE

    @property
    def is_online(self) -> bool:
        return self.format in ONLINE_FORMATS

    @property
    def full_address(self) -> str:
        """One line, as a map app reads it."""
        place = " ".join(part for part in (self.state, self.zip_code) if part)
        return ", ".join(part for part in (self.address, self.city, place) if part)

    @property
    def id_explanation(self) -> "StrPromise":
        return IdAtTheDoor(self.id_at_the_door).label

    def clean(self):
        """What the constraints say, as messages a person can act on, and what they cannot
        say: a venue for an event that happens at one, a topic for workshops."""
        super().clean()
        errors: dict[str, list] = {}
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            value = getattr(self, name)
            if value is not None and not EARLIEST <= value < LATEST:
                errors.setdefault(name, []).append(
                    _("Enter a date between %(first)s and %(last)s.")
                    % {"first": EARLIEST_DATE.year, "last": LATEST_DATE.year - 1}
                )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors.setdefault("ends_at", []).append(_("The end must be after the start."))
        if "ends_at" not in errors and self.ends_at:
            self.expires_on = self.last_day  # listed until the day it ends
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors.setdefault("registration_closes_at", []).append(
                _("Registration must close after it opens.")
            )
        if closes and self.ends_at and closes > self.ends_at:
            errors.setdefault("registration_closes_at", []).append(
                _("Registration must close before the event ends.")
            )
        if self.kind != EventKind.WORKSHOP:
            self.topic = ""
        elif not self.topic:
            errors.setdefault("topic", []).append(_("Choose what the workshop is about."))
        if self.is_free:
            self.cost = None
        elif not self.cost and not self.cost_note:
            errors.setdefault("cost", []).append(_("Say what it costs, or mark it as free."))
        if self.at_a_venue:
            for name in ("venue_name", "address", "city", "state", "zip_code"):
                if not getattr(self, name):
                    errors.setdefault(name, []).append(_("Needed for an event at a venue."))
        if self.is_online and not self.join_url:
            errors.setdefault("join_url", []).append(
                _("Needed for an online event. Only people who register see it.")
            )
        if errors:
            raise ValidationError(errors)


class EventSearchEntry(SearchEntry):
    """The search entry of a published event (apps.core.indexing), with the event's filters
    and its time: the list shows upcoming events, soonest first."""

    event = models.OneToOneField(
        Event, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    topic = models.CharField(max_length=12, choices=WorkshopTopic.choices, blank=True)
    format = models.CharField(max_length=10, choices=EventFormat.choices)
    language = models.CharField(max_length=4, choices=EventLanguage.choices)
    is_free = models.BooleanField()
    id_at_the_door = models.CharField(max_length=8, choices=IdAtTheDoor.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    seats_left = models.IntegerField(null=True)
    cancelled = models.BooleanField(default=False)

    class Meta(SearchEntry.Meta):
        # The list reads upcoming events soonest first: by end (past events leave) then start.
        indexes = [
            *SearchEntry.Meta.indexes,
            models.Index(fields=["ends_at"]),
            models.Index(fields=["starts_at", "ends_at"]),
        ]

    def __str__(self) -> str:
        return f"search entry of event {self.event_id}"

    @staticmethod
    def columns(event: Event) -> dict:
        return {
            "kind": event.kind,
            "topic": event.topic,
            "format": event.format,
            "language": event.language,
            "is_free": event.is_free,
            "id_at_the_door": event.id_at_the_door,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "seats_left": event.seats_left,
            "cancelled": event.cancelled_at is not None,
        }


# Words a question must not contain: Camino never asks about immigration status, SSN,
# A-number, documents or country of birth, and does not let organizers ask through it.
# Lower case without accents; a trailing * matches any ending ("document*": "documentos").
FORBIDDEN_QUESTION_WORDS = (
    # English
    "status", "immigration", "citizen*", "ssn", "social security", "a-number", "a number",
    "alien*", "document*", "papers", "visa*", "green card", "passport*", "residen*",
    "country of birth", "born", "birthplace", "daca", "tps", "work permit", "ead",
    "deport*", "itin number",
    # Spanish
    "estatus", "estado migratorio", "situacion migratoria", "migratori*", "inmigracion",
    "ciudadan*", "seguro social", "numero a", "papeles", "pasaporte*", "tarjeta verde",
    "mica", "pais de nacimiento", "naciste", "nacio", "lugar de nacimiento",
    "permiso de trabajo", "numero de itin",
)  # fmt: skip


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _pattern(word: str) -> str:
    """A whole word, or with a trailing * any word that starts so; read whole either way."""
    if word.endswith("*"):
        return rf"\b{re.escape(word[:-1])}\w*"
    return rf"\b{re.escape(word)}\b"


FORBIDDEN_PATTERNS = [re.compile(_pattern(word)) for word in FORBIDDEN_QUESTION_WORDS]


def forbidden_words_in(text: str) -> list[str]:
    """The forbidden words in a question, as the person wrote them (without accents)."""
    plain = _plain(text)
    found = (pattern.search(plain) for pattern in FORBIDDEN_PATTERNS)
    return list(dict.fromkeys(match.group() for match in found if match))


def validate_question_text(text: str) -> None:
    found = forbidden_words_in(text or "")
    if found:
        raise ValidationError(
            _(
                "Camino does not let organizers ask about immigration status, Social Security "
                "numbers, documents or where a person was born. Remove: %(words)s."
            ),
            code="forbidden_question",
            params={"words": ", ".join(found)},
        )


class EventQuestion(models.Model):
    """A question the organizer asks people who register: free text, or one of some choices.
    Never about status, SSN or documents (validate_question_text)."""

    class Kind(models.TextChoices):
        TEXT = "text", _("A short answer")
        CHOICE = "choice", _("One of some choices")

    MAX_QUESTIONS = 5
    MAX_ANSWER_LENGTH = 500

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    prompt = models.CharField(
        _("question"), max_length=200, blank=True, validators=[validate_question_text]
    )
    kind = models.CharField(_("kind of answer"), max_length=6, choices=Kind.choices)
    # The choices, one per line (choice questions only).
    choices = models.TextField(
        _("choices, one per line"), max_length=1000, blank=True,
        validators=[validate_question_text],
    )  # fmt: skip
    required = models.BooleanField(_("an answer is required"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("question for people who register")
        verbose_name_plural = _("questions for people who register")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return translated(self, "prompt").text

    def choice_list(self, language: str) -> list[str]:
        text = getattr(self, f"choices_{language}", "") or self.choices or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if not any(getattr(self, f"prompt_{code}", "") for code, _name in settings.LANGUAGES):
            raise ValidationError({"prompt_es": _("Write the question in at least one language.")})
        if self.kind == self.Kind.CHOICE and not any(
            len(self.choice_list(code)) >= 2 for code, _name in settings.LANGUAGES
        ):
            raise ValidationError({"choices_es": _("Give at least two choices, one per line.")})


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


# The states that hold one of the event's seats, and those of people still taking part.
HOLDS_A_SEAT = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED,
                RegistrationStatus.ATTENDED)  # fmt: skip
ACTIVE = (*HOLDS_A_SEAT, RegistrationStatus.WAITING)
# What a person may still give up: not a seat they already used.
STILL_TO_COME = (RegistrationStatus.REGISTERED, RegistrationStatus.OFFERED,
                 RegistrationStatus.WAITING)  # fmt: skip

# The short code a person shows at the door: no letters or digits that read alike (0/O, 1/I).
CHECK_IN_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"
CHECK_IN_CODE_LENGTH = 6


class Registration(models.Model):
    """A person's place at an event: a seat, a place on the waiting list, or a seat offered
    to them for a while. Written only by apps.events.registrations (its services), which
    lock the event's row so that its seats are never given twice."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    # Empty once the person deleted their account, or once the list of who attended was
    # erased: the row stays as a count.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="event_registrations", verbose_name=_("person"),
    )  # fmt: skip
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    # The order of arrival on the waiting list (the first waiting is offered the next seat).
    position = models.PositiveIntegerField(_("place in line"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer ends"), null=True, blank=True)
    # {question id: answer}, answers to the organizer's questions (EventQuestion).
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # What the organizer sees of the person: nothing but the check-in code unless they agree.
    share_name = models.BooleanField(_("share my name with the organizer"), default=True)
    share_email = models.BooleanField(_("share my email with the organizer"), default=False)
    code = models.CharField(_("check-in code"), max_length=CHECK_IN_CODE_LENGTH, blank=True)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], condition=Q(user__isnull=False),
                name="registration_one_per_person",
            ),
            models.UniqueConstraint(
                fields=["event", "position"], condition=Q(position__isnull=False),
                name="registration_one_per_place",
            ),
            models.UniqueConstraint(
                fields=["event", "code"], condition=~Q(code=""), name="registration_unique_code"
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["event", "status", "position"]),
            models.Index(fields=["user", "status"]),
            models.Index(
                fields=["offer_expires_at"], name="registration_offers",
                condition=Q(status="offered"),
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"registration {self.pk} for event {self.event_id}"

    @property
    def holds_a_seat(self) -> bool:
        return self.status in HOLDS_A_SEAT

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def may_give_up(self) -> bool:
        """A seat, an offer or a place in line the person can still let go of: of an event
        that is neither cancelled nor over."""
        return (
            self.status in STILL_TO_COME
            and not self.event.is_cancelled
            and self.event.ends_at > timezone.now()
        )

    @property
    def give_up_label(self) -> "StrPromise":
        """What letting it go is called, on its button and on the page that asks first."""
        if self.status == RegistrationStatus.WAITING:
            return _("Leave the waiting list")
        if self.status == RegistrationStatus.OFFERED:
            return _("Give up the seat")
        return _("Cancel my registration")

    def shown_name(self) -> str:
        """Who this is, as the organizer may see them."""
        if self.user is None:
            return str(DELETED_ACCOUNT)
        if self.share_name and self.user.display_name:
            return self.user.display_name
        return str(_("Participant %(code)s") % {"code": self.code})

    def shown_email(self) -> str:
        return self.user.email if self.user is not None and self.share_email else ""


class EventMessage(models.Model):
    """What an organizer wrote to everyone registered for an event. Each email reads it from
    here (the delivery log stores ids, never text)."""

    MAX_LENGTH = 5_000

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("sent by"),
    )  # fmt: skip
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=MAX_LENGTH)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("message to people registered")
        verbose_name_plural = _("messages to people registered")

    def __str__(self) -> str:
        return self.subject


class CalendarFeed(models.Model):
    """The secret address of a person's own calendar of the events they registered for.
    Resetting it makes a new token: the old address stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar"
    )
    token = models.CharField(max_length=43, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")

    def __str__(self) -> str:
        return f"calendar feed of {self.user_id}"

    def get_absolute_url(self) -> str:
        return reverse("events:calendar_feed", kwargs={"token": self.token})
