"""Certifications, licenses and course certificates (Credential) with what each state asks of
an applicant (StateRule); the trainings that prepare for them (Training, a partner's reviewable
listing, with its start dates); the pay figures of each kind of work (PayFigure); and a
seeker's own plan (PlanStep).

Staff keep credentials and their state rules: a rule is only ever what staff read at a
source, with the date they read it. A state with no rule is "not checked yet", never a guess."""

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.certifications.training_querysets import TrainingQuerySet
from apps.certifications.vocabulary import (
    Benefit,
    CredentialKind,
    Education,
    EnglishLevel,
    ForeignExperience,
    Format,
    StatusRule,
)
from apps.core.addresses import pk_url
from apps.core.fields import ExternalIdField, WebAddressField, external_id_unique
from apps.core.models import Guide, Publishable, SearchEntry, curation_indexes
from apps.core.us import State, zip_code_validator
from apps.core.vocabulary import Category, SpokenLanguage, codes_of

# Dollars: more than any credential or training costs, to refuse a typing slip (10^12).
MAX_COST = 100_000
# Steps in one person's plan: a plan is a short list a person works through.
MAX_PLAN_STEPS = 100


class Credential(models.Model):
    """A certification, an occupational or professional license, or a recognised course
    certificate. Public once staff publish it."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    kind = models.CharField(_("kind of credential"), max_length=16, choices=CredentialKind.choices)
    issuing_body = models.CharField(_("issued by"), max_length=200)
    official_url = WebAddressField(_("official source"))
    # Category codes (apps.core.vocabulary.Category): the kinds of work it serves.
    categories = models.JSONField(_("kinds of work"), default=list)
    occupations = models.CharField(
        _("occupations"), max_length=300, blank=True,
        help_text=_("For example: electrician, electrician's helper."),
    )  # fmt: skip
    benefit = models.CharField(_("why it matters"), max_length=12, choices=Benefit.choices)
    pay_note = models.CharField(
        _("about pay"), max_length=300, blank=True,
        help_text=_("Only with a source, for example a union scale or a state wage survey."),
    )  # fmt: skip
    # Typical costs in dollars; empty when unknown, 0 when free.
    exam_cost = models.PositiveIntegerField(
        _("exam cost"), null=True, blank=True, validators=[MaxValueValidator(MAX_COST)]
    )
    course_cost = models.PositiveIntegerField(
        _("course cost"), null=True, blank=True, validators=[MaxValueValidator(MAX_COST)]
    )
    fees = models.PositiveIntegerField(
        _("license and other fees"), null=True, blank=True,
        validators=[MaxValueValidator(MAX_COST)],
    )  # fmt: skip
    cost_note = models.CharField(_("about the cost"), max_length=300, blank=True)
    duration = models.CharField(
        _("how long it takes"), max_length=200, blank=True,
        help_text=_("For example: 10 hours; 4 years of supervised work."),
    )  # fmt: skip
    education = models.CharField(
        _("schooling needed"), max_length=12, choices=Education.choices, default=Education.NONE
    )
    experience = models.CharField(_("experience needed"), max_length=300, blank=True)
    english_level = models.CharField(
        _("English needed"), max_length=16, choices=EnglishLevel.choices,
        default=EnglishLevel.NONE,
    )  # fmt: skip
    prerequisites_note = models.TextField(_("other requirements"), max_length=2_000, blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # SpokenLanguage codes (apps.core.vocabulary): the languages the exam is offered in.
    # Empty when there is no exam (a permit).
    exam_languages = models.JSONField(_("exam languages"), default=list, blank=True)
    renewal = models.CharField(
        _("renewal"), max_length=300, blank=True,
        help_text=_("For example: every 3 years, with 24 hours of classes."),
    )  # fmt: skip
    foreign_experience = models.CharField(
        _("experience or a degree from another country"), max_length=12,
        choices=ForeignExperience.choices, default=ForeignExperience.NOT_APPLICABLE,
    )  # fmt: skip
    foreign_note = models.TextField(
        _("how experience from another country counts"), max_length=2_000, blank=True,
        help_text=_("Evaluation services, bridge programmes, what to bring."),
    )  # fmt: skip
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    external_id = ExternalIdField()

    required_translations: ClassVar[tuple[str, ...]] = ("name", "summary")

    class Meta:
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        ordering = ["name", "pk"]
        constraints = [external_id_unique("certifications_credential_external_id_unique")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("certifications:credential", kwargs={"slug": self.slug})

    @property
    def total_cost(self) -> int | None:
        """What it typically costs in all, when any cost is known."""
        costs = [c for c in (self.exam_cost, self.course_cost, self.fees) if c is not None]
        return sum(costs) if costs else None

    @property
    def category_labels(self) -> list:
        return [Category(code).label for code in self.categories if code in Category.values]

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        if not codes_of(self.categories, Category):
            errors["categories"] = [_("Choose kinds of work from the list.")]
        if not codes_of(self.exam_languages, SpokenLanguage):
            errors["exam_languages"] = [_("Choose languages from the list.")]
        if errors:
            raise ValidationError(errors)


class StateRule(models.Model):
    """What one state asks of someone applying for a credential, as staff read it at a
    source (a law or a licensing board's page) on the day they checked."""

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="rules")
    state = models.CharField(_("state"), max_length=2, choices=State.choices)
    rule = models.CharField(_("rule"), max_length=8, choices=StatusRule.choices)
    note = models.CharField(
        _("note"), max_length=500, blank=True,
        help_text=_("In plain words, for example: the board accepts an ITIN since 2016."),
    )  # fmt: skip
    source_name = models.CharField(_("source"), max_length=200)
    source_url = WebAddressField(_("source address"))
    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("checked by"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("state rule")
        verbose_name_plural = _("state rules")
        ordering = ["credential", "state"]
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "state"], name="certifications_rule_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.credential}: {self.state}"

    @property
    def without_ssn(self) -> bool:
        return self.rule in (StatusRule.OPEN, StatusRule.ITIN)


class CredentialSearchEntry(SearchEntry):
    """The search entry of a published credential (apps.core.indexing). Its categories, exam
    languages and the states whose rules allow it are bit sets (apps.core.vocabulary.bits_of
    over Category, SpokenLanguage and State), so "open to me in California without an SSN" is
    one AND of an integer column."""

    credential = models.OneToOneField(
        Credential, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    kind = models.CharField(max_length=16, choices=CredentialKind.choices)
    categories = models.BigIntegerField(default=0)
    exam_languages = models.BigIntegerField(default=0)
    format = models.CharField(max_length=10, choices=Format.choices)
    # The typical cost in all (dollars); none when no cost is known.
    total_cost = models.PositiveIntegerField(null=True)
    # States whose rule was checked, whose rule lets people without an SSN get it (open, or
    # a taxpayer id, the ITIN, accepted), and whose rule is open regardless of status. (No
    # column is named for an SSN: tests/core/test_privacy.py keeps such names out.)
    states_checked = models.BigIntegerField(default=0)
    states_open_or_taxid = models.BigIntegerField(default=0)
    states_open = models.BigIntegerField(default=0)
    # For the "name" sort, lower case.
    sort_name = models.CharField(max_length=200, default="")
    # Why it matters, as the place a pathway lists it in (Benefit's order: what the work
    # requires first), so that a pathway picks its credentials from the entries alone.
    benefit_rank = models.PositiveSmallIntegerField(default=0)

    class Meta(SearchEntry.Meta):
        indexes = [
            *SearchEntry.Meta.indexes,
            models.Index(fields=["sort_name", "credential"]),
        ]

    def __str__(self) -> str:
        return f"search entry of credential {self.credential_id}"


# What staff see flagged when a language lacks one (apps.core.curation).
TRAINING_TRANSLATIONS = ("title", "summary")


class Training(Publishable):
    """A programme an organization offers that prepares for one or more credentials (or for a
    kind of work). Its start dates are TrainingStart rows: dates in the past leave the list,
    the programme stays."""

    title = models.CharField(_("title"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    credentials = models.ManyToManyField(
        Credential, blank=True, related_name="trainings",
        verbose_name=_("credentials it prepares for"),
    )  # fmt: skip
    category = models.CharField(_("kind of work"), max_length=16, choices=Category.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    # SpokenLanguage codes (apps.core.vocabulary): the languages it is taught in.
    languages = models.JSONField(_("languages of instruction"), default=list)
    schedule = models.CharField(
        _("schedule"), max_length=300, blank=True,
        help_text=_("For example: Tuesday and Thursday evenings, 6 to 9 pm."),
    )  # fmt: skip
    duration = models.CharField(_("how long it takes"), max_length=200, blank=True)
    # Starts whenever someone enrols (an online course): no start dates needed.
    rolling_enrollment = models.BooleanField(_("start any time"), default=False)
    # Dollars; 0 when free.
    cost = models.PositiveIntegerField(
        _("cost"), default=0, validators=[MaxValueValidator(MAX_COST)]
    )
    financial_aid = models.TextField(_("financial aid"), max_length=2_000, blank=True)
    # A scholarship or aid anyone can get, whatever their immigration status.
    aid_open_to_all = models.BooleanField(
        _("aid open to all, regardless of immigration status"), default=False
    )
    how_to_enrol = models.TextField(_("how to enrol"), max_length=2_000, blank=True)
    enrol_url = WebAddressField(_("enrolment page"), blank=True)
    venue_name = models.CharField(_("place"), max_length=160, blank=True)
    address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=State.choices, blank=True)
    zip_code = models.CharField(
        _("ZIP code"), max_length=5, blank=True, validators=[zip_code_validator]
    )
    external_id = ExternalIdField()

    objects = TrainingQuerySet.as_manager()  # type: ignore[misc]  # django-stubs#1713, as Job

    required_translations: ClassVar[tuple[str, ...]] = TRAINING_TRANSLATIONS

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-published_at", "-pk"]
        constraints = [external_id_unique("certifications_training_external_id_unique")]
        indexes = [*curation_indexes("training", TRAINING_TRANSLATIONS, renewable=True)]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return pk_url("certifications:training", self.pk)


class TrainingStart(models.Model):
    """A date a training's next group starts."""

    training = models.ForeignKey(Training, on_delete=models.CASCADE, related_name="starts")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("start date")
        verbose_name_plural = _("start dates")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="certifications_start_ends_after",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.training}: {self.starts_on}"


class TrainingSearchEntry(SearchEntry):
    """The search entry of a listed training. `next_start` is its earliest start date not in
    the past (none when it has none left, or starts any time); a daily task moves it on."""

    training = models.OneToOneField(
        Training, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    category = models.CharField(max_length=16, choices=Category.choices)
    format = models.CharField(max_length=10, choices=Format.choices)
    languages = models.BigIntegerField(default=0)
    cost = models.PositiveIntegerField(default=0)
    aid_open_to_all = models.BooleanField(default=False)
    rolling_enrollment = models.BooleanField(default=False)
    next_start = models.DateField(null=True)

    class Meta(SearchEntry.Meta):
        indexes = [
            *SearchEntry.Meta.indexes,
            models.Index(fields=["category", "next_start"]),
            models.Index(fields=["next_start"]),
        ]

    def __str__(self) -> str:
        return f"search entry of training {self.training_id}"


class PayFigure(models.Model):
    """What published jobs of one kind of work pay per hour, computed from current listings
    by a periodic task (not per request): the pathway page reads one row."""

    category = models.CharField(max_length=16, choices=Category.choices, primary_key=True)
    # How many current listings with a comparable hourly pay the figures come from.
    listings = models.PositiveIntegerField(default=0)
    median = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    low = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    high = models.DecimalField(max_digits=9, decimal_places=2, null=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("pay figure")
        verbose_name_plural = _("pay figures")

    def __str__(self) -> str:
        return f"pay in {self.category}"


class PlanStep(models.Model):
    """One step of a signed-in person's plan ("get OSHA 10", "apply to 5 jobs"). Only its
    owner ever sees it. A step may point at a credential or a training it is about."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_steps"
    )
    title = models.CharField(_("step"), max_length=200)
    notes = models.TextField(_("notes"), max_length=2_000, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    credential = models.ForeignKey(
        Credential, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("credential"),
    )  # fmt: skip
    training = models.ForeignKey(
        Training, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("training"),
    )  # fmt: skip
    position = models.PositiveIntegerField(default=0)
    # The target date a reminder was last queued for: moving the date queues a new one.
    reminded_for = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        ordering = ["user", "done", "position", "pk"]
        indexes = [models.Index(fields=["target_date"], condition=models.Q(done=False),
                                name="certifications_step_due")]  # fmt: skip

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            not self.done
            and self.target_date is not None
            and self.target_date < timezone.localdate()
        )


# Work-on-your-own guides (staff write them; the shared guide type, apps.core.guides) ------


class WorkGuideTopic(models.TextChoices):
    ITIN = "itin", _("Working with an ITIN")
    CONTRACTING = "contracting", _("Independent contracting (1099)")
    LLC = "llc", _("Forming an LLC")
    TAXES = "taxes", _("Taxes when you work for yourself")
    LICENSES = "licenses", _("Business licenses and permits")
    OWN_BUSINESS = "own_business", _("From a credential or training to your own business")


class WorkGuide(Guide):
    """A guide on working on your own: with an ITIN, as a contractor, with an LLC, taxes,
    business licenses and permits. It may name the credentials that lead there (published
    ones are shown at its end). Declared in apps.certifications.guide_setup."""

    topic = models.CharField(_("topic"), max_length=20, choices=WorkGuideTopic.choices)
    credentials = models.ManyToManyField(
        Credential, blank=True, related_name="guides", verbose_name=_("related credentials"),
        help_text=_("Shown at the end of the guide, with links (published credentials only)."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("work-on-your-own guide")
        verbose_name_plural = _("work-on-your-own guides")
        ordering = ["topic", "id"]
