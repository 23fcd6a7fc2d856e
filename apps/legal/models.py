"""Legal help: a directory of legitimate providers (nonprofits, DOJ-recognized organizations,
attorneys, clinics), each one an organization's reviewable entry (Provider) with its services,
places, opening hours, phones and the accreditations staff checked. Names follow HSDS 3.0
(service, location, service_at_location, schedule, phone) where they fit.

A partner's changes to a published entry are a revision: a copy with `revision_of` set that
goes through review while the public entry stays as it was. Revisions are never public."""

import re
from collections.abc import Iterable
from datetime import date, time, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.addresses import pk_url
from apps.core.fields import ExternalIdField, WebAddressField, external_id_unique
from apps.core.i18n import choices_labels
from apps.core.models import Guide as CoreGuide
from apps.core.models import Publishable, Report, SearchEntry, TermsField, curation_indexes
from apps.core.search import document
from apps.core.us import (
    DEFAULT_TIME_ZONE,
    State,
    TimeZone,
    ZipPoint,
    locate_zip,
    phone_display,
    phone_normalise,
    zip_code_validator,
)
from apps.core.vocabulary import SpokenLanguage, bits_of, codes_of
from apps.legal.querysets import ProviderQuerySet, stale_before
from apps.legal.vocabulary import ServiceCode


class ProviderType(models.TextChoices):
    RECOGNIZED_ORG = (
        "recognized_org",
        _("Nonprofit with DOJ recognition and accredited representatives"),
    )
    PRIVATE_ATTORNEY = "private_attorney", _("Private attorney")
    LAW_SCHOOL_CLINIC = "law_school_clinic", _("Law school clinic")
    LEGAL_AID = "legal_aid", _("Legal aid organization")
    GOVERNMENT = "government", _("Government office (consulate, labor department...)")
    OTHER = "other", _("Other")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    SLIDING_SCALE = "sliding_scale", _("Sliding scale (by income)")
    LOW_FEE = "low_fee", _("Low fee")
    FULL_FEE = "full_fee", _("Full fee")


class VerifiedItem(models.TextChoices):
    """What staff checked when they verified an entry."""

    ADDRESS = "address", _("Address")
    PHONES = "phones", _("Phone numbers")
    HOURS = "hours", _("Opening hours")
    SERVICES = "services", _("Services")
    ACCREDITATION = "accreditation", _("Accreditation")


def verification_expiry(verified_on: date) -> date:
    """The day an entry leaves the directory unless staff verify it again."""
    return verified_on + relativedelta(months=settings.LEGAL_VERIFICATION_EXPIRY_MONTHS)


def default_verification_expiry() -> date:
    return verification_expiry(timezone.localdate())


class DetentionFacility(models.Model):
    """An immigration detention center some providers visit. Staff keep this list."""

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, choices=State.choices)

    class Meta:
        verbose_name = _("detention facility")
        verbose_name_plural = _("detention facilities")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["name", "state"], name="legal_facility_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.city}, {self.state})"


# What staff see flagged when a language lacks one (apps.core.curation).
PROVIDER_TRANSLATIONS = ("description", "application_process")


class Provider(Publishable):
    """An organization's entry in the legal help directory. Its name is the organization's
    (`name`); `alternate_name` holds other names people know it by."""

    description = models.TextField(_("description"), max_length=5_000, blank=True)
    eligibility_description = models.TextField(
        _("who can get help"), max_length=2_000, blank=True,
        help_text=_("For example: income limits, counties served."),
    )  # fmt: skip
    fees_description = models.TextField(_("about the fees"), max_length=2_000, blank=True)
    application_process = models.TextField(
        _("how to get help"), max_length=2_000, blank=True,
        help_text=_("In plain words: call first, come in, fill a form online..."),
    )  # fmt: skip
    alternate_name = models.CharField(
        _("other names"), max_length=200, blank=True,
        help_text=_("Other names people know it by, separated by commas."),
    )  # fmt: skip
    provider_type = models.CharField(
        _("kind of provider"), max_length=20, choices=ProviderType.choices
    )
    email = models.EmailField(_("public email"), blank=True)
    website = WebAddressField(_("website"), blank=True)
    cost = models.CharField(_("cost"), max_length=16, choices=Cost.choices, default=Cost.FREE)
    fee_amount = models.DecimalField(
        _("fee in dollars"), max_digits=8, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(1)],
    )  # fmt: skip
    # SpokenLanguage codes (a JSON list, so it works on SQLite too); the search entry keeps
    # them as a bit set.
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    interpretation_services = models.CharField(
        _("other languages through interpreters"), max_length=300, blank=True
    )
    walk_in = models.BooleanField(_("walk-ins welcome"), default=False)
    by_appointment = models.BooleanField(_("by appointment"), default=True)
    by_phone = models.BooleanField(_("help by phone"), default=False)
    online_intake_url = WebAddressField(_("online intake form"), blank=True)
    accepting_new_cases = models.BooleanField(_("accepting new cases"), default=True)
    detention_facilities = models.ManyToManyField(
        DetentionFacility, blank=True, related_name="providers",
        verbose_name=_("detention facilities visited"),
    )  # fmt: skip

    verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("verified by"),
    )  # fmt: skip
    # VerifiedItem values.
    verified_what = models.JSONField(_("what was verified"), default=list, blank=True)

    # Set on a partner's pending changes to a published entry (never public).
    revision_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="revisions",
        verbose_name=_("changes to"),
    )  # fmt: skip

    # A year from now, as if verified today: staff verify it when they publish it.
    expires_on = models.DateField(_("expires on"), default=default_verification_expiry)
    external_id = ExternalIdField()

    objects = ProviderQuerySet.as_manager()  # type: ignore[misc]

    required_translations = PROVIDER_TRANSLATIONS

    distance: float | None  # miles from the searched ZIP code, set by the directory's search

    class Meta:
        verbose_name = _("legal help provider")
        verbose_name_plural = _("legal help providers")
        ordering = ["pk"]
        constraints = [
            # A revision (pending changes) is not matched by imports: it carries no id.
            external_id_unique(
                "legal_provider_external_id_unique", Q(revision_of__isnull=True)
            ),
            models.UniqueConstraint(
                fields=["organization"], condition=Q(revision_of__isnull=True),
                name="legal_provider_one_per_organization",
            ),
            models.UniqueConstraint(
                fields=["revision_of"], condition=Q(revision_of__isnull=False),
                name="legal_provider_one_revision",
            ),
            models.CheckConstraint(
                condition=~Q(revision_of=F("pk")), name="legal_provider_not_own_revision"
            ),
            models.CheckConstraint(
                condition=Q(provider_type__in=ProviderType.values),
                name="legal_provider_type_valid",
            ),
            models.CheckConstraint(
                condition=Q(cost__in=Cost.values), name="legal_provider_cost_valid"
            ),
            models.CheckConstraint(
                condition=~Q(cost=Cost.LOW_FEE) | Q(fee_amount__isnull=False),
                name="legal_provider_low_fee_has_amount",
            ),
            models.CheckConstraint(
                condition=Q(fee_amount__isnull=True) | Q(fee_amount__gt=0),
                name="legal_provider_fee_positive",
            ),
        ]  # fmt: skip
        # And the stale queue's order, on PostgreSQL only (migration 0006_provider_stale_index).
        indexes = [*curation_indexes("provider", PROVIDER_TRANSLATIONS)]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.organization.name

    def get_absolute_url(self) -> str:
        return pk_url("legal:provider", self.pk)

    def get_manage_url(self) -> str:
        # A revision is deleted once published (its pk then None): its changes are the
        # entry's now, and so is its manage page.
        pk = self.pk if self.pk is not None else self.revision_of_id
        return reverse("legal:manage", kwargs={"pk": pk})

    @property
    def is_public(self) -> bool:
        return super().is_public and self.revision_of_id is None

    @property
    def is_revision(self) -> bool:
        return self.revision_of_id is not None

    @property
    def is_stale(self) -> bool:
        """Not verified for LEGAL_STALE_AFTER_MONTHS: staff should check it again."""
        return self.verified_at is None or self.verified_at < stale_before()

    @property
    def alternate_names(self) -> list[str]:
        return [name.strip() for name in self.alternate_name.split(",") if name.strip()]

    def language_labels(self) -> list[str]:
        return [label for code, label in choices_labels(SpokenLanguage).items()
                if code in self.languages]  # fmt: skip

    def verified_labels(self) -> list[str]:
        return [label for code, label in choices_labels(VerifiedItem).items()
                if code in self.verified_what]  # fmt: skip

    @property
    def has_expired_accreditation(self) -> bool:
        """An accredited representative's accreditation has run out: staff must look. Reads
        the accreditations (prefetch them for lists)."""
        return any(accreditation.is_expired for accreditation in self.accreditations.all())

    def has_open_reports(self) -> bool:
        return self.reports.filter(resolved_at=None).exists()

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        if self.cost == Cost.LOW_FEE and self.fee_amount is None:
            errors["fee_amount"] = [_("Say how much the low fee is, in dollars.")]
        if self.cost == Cost.FREE:
            self.fee_amount = None
        if not codes_of(self.languages, SpokenLanguage):
            errors["languages"] = [_("Choose languages from the list.")]
        elif not self.languages:
            errors["languages"] = [_("Choose at least one language the staff speak.")]
        if not codes_of(self.verified_what, VerifiedItem):
            errors["verified_what"] = [_("Choose what was verified from the list.")]
        if self.verified_at:
            # Listed for a year after each verification (the expiry task takes it off then).
            self.expires_on = verification_expiry(timezone.localdate(self.verified_at))
        if errors:
            raise ValidationError(errors)


class LegalService(models.Model):
    """What a provider helps with (HSDS service), one row per ServiceCode."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="services")
    code = models.CharField(_("service"), max_length=20, choices=ServiceCode.choices)
    description = models.TextField(_("about this service"), max_length=2_000, blank=True)

    class Meta:
        verbose_name = _("legal service")
        verbose_name_plural = _("legal services")
        ordering = ["provider", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "code"], name="legal_service_unique"),
            models.CheckConstraint(
                condition=Q(code__in=ServiceCode.values), name="legal_service_code_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_code_display()


class AccreditationKind(models.TextChoices):
    RECOGNIZED_ORGANIZATION = "recognized_organization", _("DOJ recognized organization")
    ACCREDITED_REPRESENTATIVE = "accredited_representative", _("DOJ accredited representative")
    BAR_ADMISSION = "bar_admission", _("Attorney admitted to a state bar")


# The kinds that name a person (a representative or an attorney), not the organization.
PERSON_KINDS = (AccreditationKind.ACCREDITED_REPRESENTATIVE, AccreditationKind.BAR_ADMISSION)


# Bar numbers are digits in most states; where a state's numbers have letters, its pattern
# and an example. Anything not listed here is digits only.
BAR_NUMBER_DIGITS = re.compile(r"\d{1,10}")
BAR_NUMBER_FORMATS: dict[str, tuple[re.Pattern, str]] = {
    "MI": (re.compile(r"P\d{4,6}"), "P12345"),  # Michigan: P and digits
}


def bar_number_check(state: str, number: str) -> None:
    """A clear error when a bar number does not have its state's format."""
    pattern, example = BAR_NUMBER_FORMATS.get(state, (BAR_NUMBER_DIGITS, "1234567"))
    if not pattern.fullmatch(number):
        if pattern is BAR_NUMBER_DIGITS:
            message = _("Bar numbers in %(state)s are digits only, for example %(example)s.")
        else:
            message = _("This is not a %(state)s bar number: they look like %(example)s.")
        raise ValidationError(
            message,
            code="bar_number",
            params={"state": State(state).label if state in State.values else state,
                    "example": example},
        )  # fmt: skip


class Accreditation(models.Model):
    """A credential staff checked at its source: the organization's DOJ recognition, a
    representative's DOJ accreditation (it expires), or an attorney's bar admission."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="accreditations")
    kind = models.CharField(_("kind"), max_length=30, choices=AccreditationKind.choices)
    person_name = models.CharField(
        _("name of the representative or attorney"), max_length=200, blank=True
    )
    bar_state = models.CharField(_("bar state"), max_length=2, choices=State.choices, blank=True)
    bar_number = models.CharField(_("bar number"), max_length=12, blank=True)
    expires_on = models.DateField(_("accreditation expires on"), null=True, blank=True)
    source = models.CharField(
        _("checked at"), max_length=300, blank=True,
        help_text=_("For example: DOJ EOIR roster of recognized organizations and accredited "
                    "representatives."),
    )  # fmt: skip
    source_url = WebAddressField(_("source address"), blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("checked by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        ordering = ["provider", "kind", "person_name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AccreditationKind.values),
                name="legal_accreditation_kind_valid",
            ),
            models.CheckConstraint(
                condition=~Q(kind=AccreditationKind.BAR_ADMISSION)
                | (~Q(bar_state="") & ~Q(bar_number="")),
                name="legal_accreditation_bar_has_number",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()}: {self.person_name}"
            if self.person_name
            else (self.get_kind_display())
        )

    @property
    def is_expired(self) -> bool:
        return (
            self.kind == AccreditationKind.ACCREDITED_REPRESENTATIVE
            and self.expires_on is not None
            and self.expires_on < timezone.localdate()
        )

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        self.bar_number = re.sub(r"[\s-]", "", self.bar_number).upper()
        if self.kind in PERSON_KINDS and not self.person_name:
            errors["person_name"] = [_("Give the name of the representative or attorney.")]
        if self.kind == AccreditationKind.ACCREDITED_REPRESENTATIVE and not self.expires_on:
            errors["expires_on"] = [_("Give the date the accreditation expires.")]
        if self.kind == AccreditationKind.BAR_ADMISSION:
            if not self.bar_state:
                errors["bar_state"] = [_("Choose the state of the bar.")]
            if not self.bar_number:
                errors["bar_number"] = [_("Give the bar number.")]
            elif self.bar_state:
                try:
                    bar_number_check(self.bar_state, self.bar_number)
                except ValidationError as error:
                    errors["bar_number"] = error.messages
        else:
            self.bar_state = self.bar_number = ""
        if errors:
            raise ValidationError(errors)


class Location(models.Model):
    """Where a provider sees people (HSDS location)."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(_("name of the place"), max_length=200, blank=True)
    address_1 = models.CharField(_("street address"), max_length=200)
    address_2 = models.CharField(_("suite, floor"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, choices=State.choices)
    zip_code = models.CharField(_("ZIP code"), max_length=5, validators=[zip_code_validator])
    time_zone = models.CharField(
        _("time zone"), max_length=32, choices=TimeZone.choices, default=DEFAULT_TIME_ZONE
    )
    transportation = models.CharField(
        _("how to get there"), max_length=300, blank=True,
        help_text=_("For example: bus 9, two blocks from the Pulaski train station."),
    )  # fmt: skip
    accessibility = models.CharField(_("accessibility"), max_length=300, blank=True)

    services: models.ManyToManyField = models.ManyToManyField(
        LegalService, through="ServiceAtLocation", related_name="locations", blank=True
    )

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["provider", "pk"]

    def __str__(self) -> str:
        return self.name or f"{self.address_1}, {self.city}"


class ServiceAtLocation(models.Model):
    """A service offered at one of the provider's places (HSDS service_at_location)."""

    service = models.ForeignKey(LegalService, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="legal_service_at_location_unique"
            )
        ]

    def __str__(self) -> str:
        return f"service {self.service_id} at location {self.location_id}"

    def clean(self):
        super().clean()
        if (
            self.service_id
            and self.location_id
            and self.service.provider_id != self.location.provider_id
        ):
            raise ValidationError(_("The service and the place must be the same provider's."))


class Weekday(models.IntegerChoices):
    """ISO weekdays, Monday first (date.isoweekday()); HSDS byday codes in BYDAY."""

    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")


BYDAY = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


class AttendingType(models.TextChoices):
    WALK_IN = "walk_in", _("Walk-in")
    APPOINTMENT = "appointment", _("By appointment")


class Schedule(models.Model):
    """Opening hours of a location on one weekday, in the location's time zone (HSDS
    schedule: byday, opens_at, closes_at, attending_type)."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="schedules")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    attending_type = models.CharField(
        _("how people come"), max_length=12, choices=AttendingType.choices,
        default=AttendingType.APPOINTMENT,
    )  # fmt: skip

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["location", "weekday", "opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")), name="legal_schedule_closes_after_opens"
            ),
            models.CheckConstraint(
                condition=Q(weekday__gte=1, weekday__lte=7), name="legal_schedule_weekday_valid"
            ),
            models.CheckConstraint(
                condition=Q(attending_type__in=AttendingType.values),
                name="legal_schedule_attending_type_valid",
            ),
        ]
        indexes = [models.Index(fields=["location", "weekday"])]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    @property
    def byday(self) -> str:
        return BYDAY[self.weekday]

    def is_open_at(self, moment: time) -> bool:
        return self.opens_at <= moment < self.closes_at

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing time must be after the opening.")})
        if self.location_id and self.weekday and self.opens_at and self.closes_at:
            overlapping = Schedule.objects.filter(
                location_id=self.location_id, weekday=self.weekday,
                attending_type=self.attending_type,
                opens_at__lt=self.closes_at, closes_at__gt=self.opens_at,
            ).exclude(pk=self.pk)  # fmt: skip
            if overlapping.exists():
                raise ValidationError(
                    _("These hours overlap other hours of this place on the same day.")
                )


class PhoneType(models.TextChoices):
    VOICE = "voice", _("Phone")
    TEXT = "text", _("Text messages")
    FAX = "fax", _("Fax")
    HOTLINE = "hotline", _("Hotline")


class Phone(models.Model):
    """A provider's phone number (HSDS phone), stored as its 10 digits."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="phones")
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones",
        verbose_name=_("place"),
    )  # fmt: skip
    number = models.CharField(_("number"), max_length=20)
    extension = models.CharField(_("extension"), max_length=8, blank=True)
    type = models.CharField(
        _("kind"), max_length=8, choices=PhoneType.choices, default=PhoneType.VOICE
    )
    description = models.CharField(
        _("what it is for"), max_length=200, blank=True,
        help_text=_("For example: intake line, Monday to Friday."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        ordering = ["provider", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__regex=r"^[2-9][0-9]{2}[2-9][0-9]{6}$"),
                name="legal_phone_normalised",
            ),
            models.CheckConstraint(
                condition=Q(extension__regex=r"^[0-9]*$"), name="legal_phone_extension_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.display

    @property
    def display(self) -> str:
        shown = phone_display(self.number)
        return f"{shown} ext. {self.extension}" if self.extension else shown

    @property
    def tel(self) -> str:
        """The tel: address (RFC 3966), extension included."""
        return f"tel:+1{self.number}" + (f";ext={self.extension}" if self.extension else "")

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        try:
            self.number = phone_normalise(self.number)
        except ValidationError as error:
            errors["number"] = error.messages
        self.extension = self.extension.strip()
        if not self.extension.isdigit() and self.extension:
            errors["extension"] = [_("An extension is digits only.")]
        location = self.location if self.location_id else None
        if location is not None and location.provider_id != self.provider_id:
            errors["location"] = [_("Choose one of this provider's places.")]
        if errors:
            raise ValidationError(errors)


# What the directory's searches near a place read besides the coordinates, the publication
# time and the key: every filter's column and the sorts' but the name's (up to 200
# characters; near a place the list is nearest first unless asked otherwise).
# LegalSearchEntry.Meta's place index carries them.
PLACE_INDEX_INCLUDES = [
    "expires_on", "services", "languages", "cost", "provider_type", "accepting_new_cases",
    "walk_in_days", "time_zone", "verified_at",
]  # fmt: skip


class LegalSearchEntry(SearchEntry):
    """The search entry of a listed provider (apps.core.indexing), with a column for each
    directory filter: services, languages and walk-in weekdays as bit sets
    (apps.core.vocabulary.bits_of), so each filter is one AND of an integer column. Its place
    is its first location's ZIP code. Detention facilities are filtered through the
    provider's own (indexed) many-to-many table: a list of ids has no portable column."""

    provider = models.OneToOneField(
        Provider, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    services = models.BigIntegerField(default=0)
    languages = models.BigIntegerField(default=0)
    cost = models.CharField(max_length=16, choices=Cost.choices)
    provider_type = models.CharField(max_length=20, choices=ProviderType.choices)
    accepting_new_cases = models.BooleanField(default=True)
    # Bit (weekday - 1) set when a location takes walk-ins that day, in `time_zone` (the first
    # location's): "walk-in today" asks for today's weekday in that zone.
    walk_in_days = models.PositiveSmallIntegerField(default=0)
    time_zone = models.CharField(max_length=32, choices=TimeZone.choices)
    # For the "verified" sort (most recently verified first).
    verified_at = models.DateTimeField(null=True)
    # For the "name" sort: the organization's name, lower case.
    sort_name = models.CharField(max_length=200, default="")
    # For the name check (apps.legal.namecheck): the terms of the names of the people on its
    # accreditations, representatives and attorneys (`people_terms`).
    search_people = TermsField(default="")

    class Meta(SearchEntry.Meta):
        indexes = [
            # "Help near me" with filters reads this index alone (an index-only scan).
            SearchEntry.place_index(
                "legal_entry_place", item="provider", include=PLACE_INDEX_INCLUDES
            ),
            models.Index(fields=["sort_name", "provider"]),
            models.Index(fields=["verified_at"]),
            models.Index(fields=["cost", "provider_type"]),
        ]

    def __str__(self) -> str:
        return f"search entry of legal provider {self.provider_id}"

    @staticmethod
    def columns(provider: Provider) -> dict:
        locations = list(provider.locations.order_by("pk"))
        walk_in_days = 0
        for location in locations:
            for schedule in location.schedules.all():
                if schedule.attending_type == AttendingType.WALK_IN:
                    walk_in_days |= 1 << (schedule.weekday - 1)
        return {
            "services": bits_of(provider.services.values_list("code", flat=True), ServiceCode),
            "languages": bits_of(provider.languages, SpokenLanguage),
            "cost": provider.cost,
            "provider_type": provider.provider_type,
            "accepting_new_cases": provider.accepting_new_cases,
            "walk_in_days": walk_in_days,
            "time_zone": locations[0].time_zone if locations else DEFAULT_TIME_ZONE,
            "verified_at": provider.verified_at,
            "sort_name": provider.name.lower()[:200],
            "search_people": people_terms(
                provider.accreditations.filter(kind__in=PERSON_KINDS).values_list(
                    "person_name", flat=True
                )
            ),
        }


def people_terms(names: Iterable[str]) -> str:
    """The stored terms of people's names: not translated, like a provider's name (its
    entry's title)."""
    return document({settings.LANGUAGE_CODE: list(names)})


def first_location_zip(provider: Provider) -> ZipPoint | None:
    """Where a provider is for distances: its first location's ZIP code centre."""
    location = provider.locations.order_by("pk").first()
    return locate_zip(location.zip_code) if location else None


class ReportReason(models.TextChoices):
    WRONG_INFORMATION = "wrong_information", _("Wrong information (phone, address, hours)")
    CLOSED = "closed", _("Closed or no longer helps people")
    FRAUD = "fraud", _("Fraud: a notario or someone who is not a lawyer")
    CHARGED_FOR_FREE_SERVICE = "charged_for_free_service", _("Charged for a free service")


class ProviderReport(Report):
    """A seeker's warning about an entry. Only staff ever see reports; they see them first."""

    provider = models.ForeignKey(Provider, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=30, choices=ReportReason.choices)

    class Meta(Report.Meta):
        verbose_name = _("report about a legal help provider")
        verbose_name_plural = _("reports about legal help providers")
        constraints = [
            models.CheckConstraint(
                condition=Q(reason__in=ReportReason.values), name="legal_report_reason_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.provider}"


# Know-your-rights guides (staff write them; no partner workflow) -------------------------


def guide_stale_after() -> timedelta:
    """How long a guide stays fresh after staff review it: the law and the offices it names
    change, and a wrong guide costs a reader more than a missing one. Read when asked."""
    return timedelta(days=round(settings.LEGAL_GUIDE_STALE_AFTER_MONTHS * 365.25 / 12))


class GuideTopic(models.TextChoices):
    WORK = "work", _("Your rights at work")
    AGENTS_AT_HOME = "agents_at_home", _("If immigration agents come to your home or work")
    TRAFFIC_STOP = "traffic_stop", _("Your rights at a traffic stop")
    WORKPLACE_RAID = "workplace_raid", _("Workplace raids")
    NOTARIO_FRAUD = "notario_fraud", _("Avoiding notario fraud")
    ITIN = "itin", _("ITIN basics")


class Guide(CoreGuide):
    """A know-your-rights guide: general information in plain words, in Spanish and English
    (the shared guide type, apps.core.guides; declared in apps.legal.guide_setup)."""

    topic = models.CharField(_("topic"), max_length=20, choices=GuideTopic.choices)

    class Meta:
        verbose_name = _("know-your-rights guide")
        verbose_name_plural = _("know-your-rights guides")
        ordering = ["topic", "id"]
