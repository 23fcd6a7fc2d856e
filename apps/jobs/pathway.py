"""The open jobs of a kind of work, as a part of its career pathway page (registered in
apps.core.registry.category_sections: jobs know nothing of the page)."""

from typing import cast

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from apps.core.registry import CategorySection
from apps.core.search import RESULTS_CAP, capped_counts
from apps.core.us import ZipPoint
from apps.jobs.filters import JobFilters
from apps.jobs.models import WorkAuthorization
from apps.jobs.selectors import first_jobs, jobs_for, jobs_matching, jobs_search

JOBS_SHOWN = 5
# Jobs near a seeker's ZIP code, when they gave one.
RADIUS_MILES = 50


def label_counts(matching) -> dict[str, int]:
    """How many of the matching jobs each work-authorization label has, each counted no
    further than RESULTS_CAP + 1 (as the job list counts), by the index on kind of work and
    label: one query, so a kind of work with many thousands of jobs costs what one with a
    thousand does."""
    counts = capped_counts(
        {code: matching.filter(work_authorization=code) for code in WorkAuthorization.values},
        cap=RESULTS_CAP,
    )
    return {code: count for code, count in counts.items() if count}


def pathway_jobs(category: str, zip_point: ZipPoint | None) -> dict:
    """The newest open jobs of a kind of work (near the seeker's ZIP code when given), each
    with its work-authorization label, and links to the job search for each label, with how
    many jobs it finds (past RESULTS_CAP, "more than"): two queries (the counts, the newest
    jobs), three near a ZIP code (the newest entries with their distance, then their jobs)."""
    place: dict[str, str | int] = (
        {"zip": zip_point.zip_code, "radius": RADIUS_MILES} if zip_point else {}
    )
    filters = JobFilters.build(
        category=category, sort="newest", zip=zip_point.zip_code if zip_point else "",
        radius=RADIUS_MILES if zip_point else None,
    )  # fmt: skip
    counts = label_counts(jobs_matching(filters))
    jobs = []
    if counts:
        newest = cast(QuerySet, jobs_search(filters))  # newest first: a query, not best match
        # Near a place, a card says how far each job is: the entries' distance comes first.
        jobs = jobs_for(newest[:JOBS_SHOWN]) if zip_point else first_jobs(newest, JOBS_SHOWN)
    search = reverse("jobs:list")
    query: dict[str, str | int] = {"category": category, **place}
    return {
        "jobs": jobs,
        "total": sum(counts.values()),
        "capped": any(count > RESULTS_CAP for count in counts.values()),
        "cap": number_format(RESULTS_CAP, force_grouping=True),
        "near": zip_point,
        "radius": RADIUS_MILES,
        "all_url": f"{search}?{urlencode(query)}",
        "best_paid_url": f"{search}?{urlencode({**query, 'sort': 'pay'})}",
        "by_label": [
            {
                "code": code,
                "label": label,
                "count": counts[code],
                "capped": counts[code] > RESULTS_CAP,
                "url": f"{search}?{urlencode({**query, 'authorization': code})}",
            }
            for code, label in WorkAuthorization.choices
            if counts.get(code)
        ],
    }


SECTION = CategorySection(
    title=_("Open jobs"),
    template="jobs/includes/pathway_jobs.html",
    load=pathway_jobs,
    models=("jobs.job",),
)
