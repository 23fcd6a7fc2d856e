from datetime import timedelta

from django.db.models import F, FloatField, OrderBy, Prefetch, QuerySet, Value
from django.db.models.functions import ACos, Cos, Least, Radians, Sin
from django.utils import timezone

from apps.core.search import search
from apps.core.us import EARTH_RADIUS_MILES, ZipPoint, bounding_box
from apps.jobs.models import Job, JobSearchEntry
from apps.organizations.models import Organization


def distance_from(point: ZipPoint):
    """Great-circle distance in miles from `point` to a job's coordinates, in SQL (Django
    provides these functions on SQLite too)."""
    lat, lon = Radians(F("latitude")), Radians(F("longitude"))
    here_lat, here_lon = Value(point.latitude), Value(point.longitude)
    cosine = Cos(Radians(here_lat)) * Cos(lat) * Cos(lon - Radians(here_lon)) + Sin(
        Radians(here_lat)
    ) * Sin(lat)
    return Value(EARTH_RADIUS_MILES) * ACos(Least(cosine, Value(1.0)), output_field=FloatField())


# What a result card shows: a page of results loads only these.
JOB_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "work_authorization",
    "employment_type", "work_language", "workplace", "city", "state", "pay_min", "pay_max",
    "pay_unit", "organization",
]  # fmt: skip


def jobs_search(filters: dict) -> QuerySet[JobSearchEntry]:
    """The search entries of the published jobs matching a JobFilterForm's filters, in the
    order asked for: one SQL query, whatever the number of jobs. jobs_for() loads a page."""
    entries = JobSearchEntry.objects.filter(expires_on__gte=timezone.localdate())
    if filters.get("q"):
        entries = search(entries, filters["q"])
    if filters.get("authorization"):
        entries = entries.filter(work_authorization__in=filters["authorization"])
    if filters.get("category"):
        entries = entries.filter(category=filters["category"])
    if filters.get("type"):
        entries = entries.filter(employment_type__in=filters["type"])
    if filters.get("workplace"):
        entries = entries.filter(workplace__in=filters["workplace"])
    if filters.get("language"):
        entries = entries.filter(work_language__in=filters["language"])
    if filters.get("min_pay") is not None:
        entries = entries.filter(pay_per_hour__gte=filters["min_pay"])
    if filters.get("posted"):
        entries = entries.filter(
            published_at__gte=timezone.now() - timedelta(days=filters["posted"])
        )
    if point := filters.get("point"):
        min_lat, max_lat, min_lon, max_lon = bounding_box(
            point.latitude, point.longitude, filters["radius"]
        )
        entries = (
            entries.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
            .annotate(distance=distance_from(point))
            .filter(distance__lte=filters["radius"])
        )
    orderings: dict[str, list[str | OrderBy]] = {
        "relevance": ["-title_hits", "-published_at", "-job_id"],
        "newest": ["-published_at", "-job_id"],
        "pay": [F("pay_per_hour").desc(nulls_last=True), "-published_at", "-job_id"],
        "nearest": ["distance", "-published_at", "-job_id"],
    }
    ordering = orderings[filters["sort"]]
    # Only the key leaves the database (plus title_hits or distance): the sort that finds one
    # page among thousands of matches then moves narrow rows.
    return entries.only("job_id").order_by(*ordering)


def jobs_for(entries, *, also: tuple[str, ...] = ()) -> list[Job]:
    """The jobs of some search entries, in their order, with what a result card shows (and
    the fields named in `also`) and the distance when the search had one: two queries."""
    entries = list(entries)
    jobs = (
        Job.objects.filter(pk__in=[entry.job_id for entry in entries])
        .only(*JOB_CARD_FIELDS, *also)
        .prefetch_related(
            Prefetch("organization", queryset=Organization.objects.only("id", "name", "slug"))
        )
        .in_bulk()
    )
    ordered = []
    for entry in entries:
        job = jobs[entry.job_id]
        job.distance = getattr(entry, "distance", None)
        ordered.append(job)
    return ordered
