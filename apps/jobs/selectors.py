from datetime import timedelta

from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.functions import ACos, Cos, Least, Radians, Sin
from django.utils import timezone

from apps.core.search import search
from apps.core.us import EARTH_RADIUS_MILES, ZipPoint, bounding_box
from apps.jobs.models import Job


def distance_from(point: ZipPoint):
    """Great-circle distance in miles from `point` to a job's coordinates, in SQL (Django
    provides these functions on SQLite too)."""
    lat, lon = Radians(F("latitude")), Radians(F("longitude"))
    here_lat, here_lon = Value(point.latitude), Value(point.longitude)
    cosine = Cos(Radians(here_lat)) * Cos(lat) * Cos(lon - Radians(here_lon)) + Sin(
        Radians(here_lat)
    ) * Sin(lat)
    return Value(EARTH_RADIUS_MILES) * ACos(Least(cosine, Value(1.0)), output_field=FloatField())


# What a result card shows. Loading only these keeps rows narrow while a search sorts
# thousands of matches to find one page.
JOB_CARD_FIELDS = [
    "id", "status", "expires_on", "published_at", "title_es", "title_en", "work_authorization",
    "employment_type", "work_language", "workplace", "city", "state", "pay_min", "pay_max",
    "pay_unit", "organization__id", "organization__name",
]  # fmt: skip


def jobs_search(filters: dict) -> QuerySet[Job]:
    """Published jobs matching a JobFilterForm's filters, in the order asked for. Every
    filter is part of one SQL query, whatever the number of jobs."""
    jobs = Job.objects.published().select_related("organization")
    if filters.get("q"):
        jobs = search(jobs, filters["q"])
    if filters.get("authorization"):
        jobs = jobs.filter(work_authorization__in=filters["authorization"])
    if filters.get("category"):
        jobs = jobs.filter(category=filters["category"])
    if filters.get("type"):
        jobs = jobs.filter(employment_type__in=filters["type"])
    if filters.get("workplace"):
        jobs = jobs.filter(workplace__in=filters["workplace"])
    if filters.get("language"):
        jobs = jobs.filter(work_language__in=filters["language"])
    if filters.get("min_pay") is not None:
        jobs = jobs.filter(pay_per_hour__gte=filters["min_pay"])
    if filters.get("posted"):
        jobs = jobs.filter(published_at__gte=timezone.now() - timedelta(days=filters["posted"]))
    if point := filters.get("point"):
        min_lat, max_lat, min_lon, max_lon = bounding_box(
            point.latitude, point.longitude, filters["radius"]
        )
        jobs = (
            jobs.filter(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
            .annotate(distance=distance_from(point))
            .filter(distance__lte=filters["radius"])
        )
    ordering = {
        "relevance": ["-title_hits", "-published_at", "-id"],
        "newest": ["-published_at", "-id"],
        "pay": [F("pay_per_hour").desc(nulls_last=True), "-published_at", "-id"],
        "nearest": ["distance", "-published_at", "-id"],
    }[filters["sort"]]
    return jobs.order_by(*ordering)
