"""The jobs section of the weekly digest (apps.notifications.digest): jobs published last
week that match any of the person's saved searches and are still open."""

from collections import defaultdict

from apps.core.emails import page_url
from apps.jobs.emails import open_jobs
from apps.jobs.filters import JobFilters
from apps.jobs.models import SavedSearch
from apps.jobs.selectors import jobs_matching

MAX_JOBS = 10


class NewJobs:
    name = "jobs"
    template = "jobs/email/digest_jobs.txt"

    def __init__(self):
        # Each distinct saved search is run once per digest run, for all who saved it.
        self.found: dict[str, list[tuple]] = {}

    def collect(self, user_ids: list[int], *, since, until) -> dict[int, list[int]]:
        queries = defaultdict(set)
        rows = SavedSearch.objects.filter(user_id__in=user_ids).values_list("user_id", "query")
        for user_id, query in rows:
            queries[user_id].add(query)
        for query in set().union(*queries.values()) - self.found.keys():
            self.found[query] = list(
                jobs_matching(JobFilters.parse(query))
                .filter(published_at__gte=since, published_at__lt=until)
                .order_by("-published_at", "-pk")
                .values_list("published_at", "job_id")[:MAX_JOBS]
            )
        new = {}
        for user_id, saved in queries.items():
            jobs = sorted(set().union(*(self.found[query] for query in saved)), reverse=True)
            if jobs:
                new[user_id] = [job_id for _published, job_id in jobs[:MAX_JOBS]]
        return new

    def load(self, ids) -> tuple[dict, dict]:
        jobs = open_jobs(ids)
        return jobs, {
            "searches_url": page_url("jobs:searches"),
        }
