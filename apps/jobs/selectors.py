from django.db.models import F, Prefetch, QuerySet

from apps.core.search import entries_order, entries_search, items_of
from apps.jobs.filters import JobFilters
from apps.jobs.models import Job, JobSearchEntry
from apps.organizations.models import Organization

# What a result card shows: a page of results loads only these.
JOB_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "work_authorization",
    "employment_type", "work_language", "workplace", "city", "state", "pay_min", "pay_max",
    "pay_unit", "organization",
]  # fmt: skip


def jobs_search(filters: JobFilters) -> QuerySet[JobSearchEntry]:
    """The search entries of the published jobs matching the filters, in the order asked
    for: one SQL query, whatever the number of jobs. jobs_for() loads a page."""
    entries = entries_search(JobSearchEntry.objects.all(), filters)
    if filters.authorization:
        entries = entries.filter(work_authorization__in=filters.authorization)
    if filters.category:
        entries = entries.filter(category=filters.category)
    if filters.type:
        entries = entries.filter(employment_type__in=filters.type)
    if filters.workplace:
        entries = entries.filter(workplace__in=filters.workplace)
    if filters.language:
        entries = entries.filter(work_language__in=filters.language)
    if filters.min_pay is not None:
        entries = entries.filter(pay_per_hour__gte=filters.min_pay)
    return entries_order(entries, filters.sort, {"pay": [F("pay_per_hour").desc(nulls_last=True)]})


def jobs_for(entries, *, also: tuple[str, ...] = ()) -> list[Job]:
    """The jobs of some search entries, in their order, with what a result card shows (and
    the fields named in `also`) and the distance when the search had one: two queries."""
    return items_of(
        entries,
        Job.objects.only(*JOB_CARD_FIELDS, *also).prefetch_related(
            Prefetch("organization", queryset=Organization.objects.only("id", "name", "slug"))
        ),
    )
