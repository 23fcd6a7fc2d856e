from django.db.models import F, QuerySet

from apps.core.search import (
    BestMatches,
    PageItems,
    entries_order,
    entries_search,
    first_items,
    items_of,
)
from apps.jobs.filters import JobFilters
from apps.jobs.models import Job, JobSearchEntry

# What a result card shows: a page of results loads only these.
JOB_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "work_authorization",
    "employment_type", "work_language", "workplace", "city", "state", "pay_min", "pay_max",
    "pay_unit", "organization",
]  # fmt: skip


def jobs_search(filters: JobFilters) -> QuerySet[JobSearchEntry] | BestMatches:
    """The search entries of the published jobs matching the filters, in the order asked
    for: one SQL query, whatever the number of jobs. jobs_for() loads a page."""
    return entries_order(
        jobs_matching(filters), filters, {"pay": [F("pay_per_hour").desc(nulls_last=True)]}
    )


def jobs_matching(filters: JobFilters) -> QuerySet[JobSearchEntry]:
    """The search entries of the published jobs matching the filters, in no order."""
    entries = entries_search(JobSearchEntry.objects.all(), filters)
    if filters.min_pay is not None:
        entries = entries.filter(pay_per_hour__gte=filters.min_pay)
    return entries


def _job_cards(also: tuple[str, ...] = ()) -> QuerySet[Job]:
    return Job.objects.select_related("organization").only(
        *JOB_CARD_FIELDS, "organization__name", "organization__slug", *also
    )


JOB_CARDS = PageItems(_job_cards)


def jobs_for(entries, *, also: tuple[str, ...] = ()) -> list[Job]:
    """The jobs of some search entries, in their order, with what a result card shows (and
    the fields named in `also`) and the distance when the search had one: two queries
    (the entries', then the jobs' with their organizations)."""
    return items_of(entries, _job_cards(also) if also else JOB_CARDS)


def first_jobs(entries: QuerySet[JobSearchEntry], count: int) -> list[Job]:
    """The jobs of the first `count` entries of a search without a place, in their order,
    with what a result card shows: one query."""
    return first_items(entries, _job_cards(), count)
