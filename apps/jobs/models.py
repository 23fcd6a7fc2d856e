from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apps.core.addresses import pk_url
from apps.core.fields import ExternalIdField, WebAddressField, external_id_unique
from apps.core.i18n import translated
from apps.core.models import PLACE_KEY, Publishable, Report, SearchEntry, curation_indexes
from apps.core.us import State, zip_code_validator
from apps.core.vocabulary import Category
from apps.jobs.querysets import JobQuerySet

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    TEMPORARY = "temporary", _("Temporary")
    CONTRACT = "contract", _("Contract or freelance")
    DAY_LABOR = "day_labor", _("Day labor or gig")
    INTERNSHIP = "internship", _("Internship")
    APPRENTICESHIP = "apprenticeship", _("Apprenticeship")
    VOLUNTEER = "volunteer", _("Volunteer")


class WorkAuthorization(models.TextChoices):
    """What a person needs to be able to take the job. Seekers filter on it."""

    OPEN_TO_ALL = "open", _("Open to all")
    WORK_PERMIT = "ead", _("Work permit (EAD) accepted")
    REQUIRED = "required", _("Requires work authorization")
    UNCLEAR = "unclear", _("Unclear: ask the employer")


WORK_AUTHORIZATION_EXPLANATIONS: dict[str, "StrPromise"] = {
    WorkAuthorization.OPEN_TO_ALL: _(
        "No Social Security number or work permit is needed. This is usually independent "
        "contract work, paid against an ITIN, or starting your own business."
    ),
    WorkAuthorization.WORK_PERMIT: _(
        "The employer accepts an Employment Authorization Document (EAD), such as the work "
        "permits of people with DACA or TPS."
    ),
    WorkAuthorization.REQUIRED: _(
        "The employer requires authorization to work in the United States and may check it "
        "with E-Verify."
    ),
    WorkAuthorization.UNCLEAR: _(
        "The listing does not say. Ask the employer before you share any documents."
    ),
}


class WorkLanguage(models.TextChoices):
    SPANISH_OK = "spanish", _("Spanish is fine")
    BASIC_ENGLISH = "basic_english", _("Basic English")
    FLUENT_ENGLISH = "fluent_english", _("Fluent English")


class PayUnit(models.TextChoices):
    HOUR = "hour", _("per hour")
    DAY = "day", _("per day")
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")
    PIECE = "piece", _("per piece")


# Hours in each pay period, to compare pay per hour. Piece rates cannot be compared.
HOURS_PER_UNIT: dict[str, Decimal] = {
    PayUnit.HOUR: Decimal(1),
    PayUnit.DAY: Decimal(8),
    PayUnit.WEEK: Decimal(40),
    PayUnit.MONTH: Decimal(2080) / 12,
    PayUnit.YEAR: Decimal(2080),
}


class Workplace(models.TextChoices):
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


# What staff see flagged when a language lacks one (apps.core.curation).
JOB_TRANSLATIONS = ("title", "description")


class Job(Publishable):
    DETAIL_URL = "jobs:detail"  # a job's page, by its key

    title = models.CharField(_("title"), max_length=160, blank=True)
    # Limits generous for any real listing; they keep pages, emails and search rows small.
    description = models.TextField(_("description"), max_length=10_000, blank=True)
    requirements = models.TextField(_("requirements"), max_length=5_000, blank=True)
    benefits = models.TextField(_("benefits"), max_length=5_000, blank=True)
    schedule_notes = models.CharField(_("schedule"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    employment_type = models.CharField(
        _("type of job"), max_length=16, choices=EmploymentType.choices
    )
    work_authorization = models.CharField(
        _("work authorization"), max_length=10, choices=WorkAuthorization.choices,
        db_index=True,
    )  # fmt: skip
    work_language = models.CharField(
        _("languages at work"), max_length=16, choices=WorkLanguage.choices
    )
    pay_min = models.DecimalField(
        _("pay from"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    pay_max = models.DecimalField(
        _("pay up to"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    pay_unit = models.CharField(
        _("pay period"), max_length=6, choices=PayUnit.choices, default=PayUnit.HOUR
    )
    workplace = models.CharField(
        _("where the work is"), max_length=6, choices=Workplace.choices,
        default=Workplace.ONSITE,
    )  # fmt: skip
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=State.choices, blank=True)
    zip_code = models.CharField(
        _("ZIP code"), max_length=5, blank=True, validators=[zip_code_validator]
    )
    apply_url = WebAddressField(_("apply on a website"), blank=True)
    apply_email = models.EmailField(_("apply by email"), blank=True)
    apply_in_person = models.CharField(_("apply in person"), max_length=300, blank=True)
    external_id = ExternalIdField()

    # A known django-stubs limitation (typeddjango/django-stubs#1713) with as_manager() on a
    # subclass of an abstract model that has one.
    required_translations = JOB_TRANSLATIONS

    objects = JobQuerySet.as_manager()  # type: ignore[misc]

    distance: float | None  # miles from the searched ZIP code, set by selectors.jobs_for()

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [
            models.Index(fields=["status", "expires_on", "-published_at"]),
            *curation_indexes("job", JOB_TRANSLATIONS, renewable=True),
        ]
        constraints = [external_id_unique("jobs_job_external_id_unique")]

    def __str__(self) -> str:
        return translated(self, "title").text or str(_("Untitled job"))

    def get_absolute_url(self) -> str:
        return pk_url(self.DETAIL_URL, self.pk)

    def get_manage_url(self) -> str:
        return reverse("jobs:manage", kwargs={"pk": self.pk})

    def get_renew_url(self) -> str:
        return reverse("jobs:renew", kwargs={"pk": self.pk})

    @property
    def authorization_explanation(self) -> "StrPromise":
        return WORK_AUTHORIZATION_EXPLANATIONS[self.work_authorization]

    def has_open_reports(self) -> bool:
        return self.reports.filter(resolved_at=None).exists()

    @property
    def posted_on(self):
        return timezone.localtime(self.published_at).date() if self.published_at else None


FILTER_COLUMNS = ("work_authorization", "category", "employment_type", "workplace", "work_language")


class JobSearchEntry(SearchEntry):
    """The search entry of a published job (apps.core.indexing), with the job's filters."""

    job = models.OneToOneField(
        Job, primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    category = models.CharField(max_length=16, choices=Category.choices)
    employment_type = models.CharField(max_length=16, choices=EmploymentType.choices)
    work_authorization = models.CharField(max_length=10, choices=WorkAuthorization.choices)
    work_language = models.CharField(max_length=16, choices=WorkLanguage.choices)
    workplace = models.CharField(max_length=6, choices=Workplace.choices)
    # The best pay per hour, to compare pay across pay periods (none for piece rates).
    pay_per_hour = models.DecimalField(max_digits=9, decimal_places=2, null=True)

    facet_columns = FILTER_COLUMNS

    class Meta(SearchEntry.Meta):
        # Each filter of the search page, newest first within it: the first page of a filter
        # (and its capped count) reads that many index entries however rare the value is.
        # The count reads the index alone (the expiry date is in it), where a common value
        # would have the table read row by row until the cap.
        # The pay sort's index (best pay first, no pay last) is in migration 0007: SQLite
        # cannot index NULLS LAST, and puts nulls last in a descending order anyway.
        indexes = [
            # A search near a place, with or without filters, counts its matches from this
            # index alone (an index-only scan) instead of one table row per entry in the box.
            SearchEntry.place_index(
                "jobs_entry_place",
                item="job",
                include=["expires_on", *FILTER_COLUMNS, "pay_per_hour"],
            ),
            *(
                models.Index(
                    fields=[column, "-published_at"],
                    include=["expires_on"],
                    name=f"jobs_entry_{column}",
                )
                for column in FILTER_COLUMNS
            ),
            # A label near a place, the search seekers make most: with keywords, their
            # entries are ANDed with this index's few in the box with the label (not with
            # the label's and the box's, each many more); without, it counts them alone.
            models.Index(
                fields=["work_authorization", *PLACE_KEY],
                include=["job", "expires_on", "published_at"],
                name="jobs_entry_label_place",
            ),
            # A kind of work's jobs by label (a career pathway counts them, up to the cap).
            models.Index(fields=["category", "work_authorization", "expires_on"]),
        ]

    def __str__(self) -> str:
        return f"search entry of job {self.job_id}"

    @staticmethod
    def columns(job: Job) -> dict:
        """The job's own filter columns, and its pay per hour to compare pay across periods."""
        best_pay = job.pay_max or job.pay_min
        hours = HOURS_PER_UNIT.get(job.pay_unit)
        return {
            "category": job.category,
            "employment_type": job.employment_type,
            "work_authorization": job.work_authorization,
            "work_language": job.work_language,
            "workplace": job.workplace,
            "pay_per_hour": (
                (Decimal(best_pay) / hours).quantize(Decimal("0.01"))
                if best_pay and hours
                else None
            ),
        }


class SavedJob(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_jobs"
    )
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="saves")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("saved job")
        verbose_name_plural = _("saved jobs")
        constraints = [models.UniqueConstraint(fields=["user", "job"], name="unique_saved_job")]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} ♥ {self.job}"


class ReportReason(models.TextChoices):
    SCAM = "scam", _("Scam, or asks for money")
    DOCUMENTS = "documents", _("Asks for SSN or documents before hiring")
    UNDERPAID = "underpaid", _("Pay below minimum wage")
    DISCRIMINATORY = "discriminatory", _("Discriminatory")
    UNAVAILABLE = "unavailable", _("No longer available")
    OTHER = "other", _("Other")


class JobReport(Report):
    """A seeker's warning about a listing. Only staff ever see reports."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)

    class Meta(Report.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_reason_display()}: {self.job}"


class SavedSearch(models.Model):
    """A seeker's job search, kept with a name to get alerts of new jobs that match it."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Every week")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=80)
    # The search's filters as a canonical query string (JobFilterForm.query_string()).
    query = models.CharField(_("search"), max_length=1000, blank=True)
    frequency = models.CharField(
        _("how often"), max_length=6, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Jobs published after this are new to the person: the next alert lists them.
    alerted_until = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        # The same filters saved twice would send each alert twice.
        constraints = [
            models.UniqueConstraint(fields=["user", "query"], name="unique_saved_search")
        ]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        url = reverse("jobs:list")
        return f"{url}?{self.query}" if self.query else url
