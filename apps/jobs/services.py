from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.core.indexing import search_index
from apps.core.models import PublicationStatus
from apps.core.ratelimit import report_allowance_take
from apps.core.roles import is_curator
from apps.core.services import (
    audit_record,
    publication_renew,
    publications_expire_due,
    publishable_save,
)
from apps.jobs.filters import JobFilters
from apps.jobs.models import Job, JobReport, SavedJob, SavedSearch
from apps.jobs.selectors import jobs_matching
from apps.notifications.services import Outgoing, deliveries_queue, wanting


def job_create(*, actor: User, job: Job) -> Job:
    """A partner (member of the job's organization) or a curator writes a new draft."""
    return publishable_save(actor=actor, item=job)


def job_update(*, actor: User, job: Job) -> Job:
    """Save edits. Partners may edit only their organization's drafts and rejected jobs;
    curators may edit anything."""
    return publishable_save(actor=actor, item=job)


def job_save(*, user: User, job: Job) -> SavedJob:
    """Bookmark a job for a signed-in seeker (saving twice changes nothing)."""
    if not user.is_authenticated:
        raise PermissionDenied
    saved, _created = SavedJob.objects.get_or_create(user=user, job=job)
    return saved


def job_unsave(*, user: User, job: Job) -> None:
    SavedJob.objects.filter(user=user, job=job).delete()


def job_report(
    *, job: Job, reporter: User | AnonymousUser | None, who: str, reason: str, details: str = ""
):
    """Record a report for staff. `who` identifies the person (their account, or a hash of
    their address when signed out) so one person cannot flood staff with reports
    (apps.core.ratelimit: raises ReportLimitReached)."""
    report_allowance_take(kind="job", who=who, item_id=job.pk)
    with transaction.atomic():
        report = JobReport.objects.create(
            job=job,
            reporter=reporter if reporter and reporter.is_authenticated else None,
            reason=reason,
            details=details,
        )
        audit_record(actor=report.reporter, subject=job, action="report", note=reason)
    return report


def job_report_resolve(*, actor: User, report: JobReport, note: str = "") -> JobReport:
    if not is_curator(actor):
        raise PermissionDenied
    with transaction.atomic():
        report.resolved_by = actor
        report.resolved_at = timezone.now()
        report.save(update_fields=["resolved_by", "resolved_at"])
        audit_record(actor=actor, subject=report.job, action="handle report", note=note)
    return report


def job_renew(*, actor: User, job: Job, changed: bool) -> Job:
    """Keep a job listed for another period (apps.core.services.publication_renew says
    when). Unchanged, it goes back up at once; changed, its changes are saved and it goes
    back through review first."""
    with transaction.atomic():
        publication_renew(actor=actor, item=job, changed=changed)
        if changed:
            job.save()
            search_index(job)
    return job


EXPIRY_NOTICE_DAYS = 3


def jobs_expire_due() -> int:
    """Expire published jobs whose date has passed. Returns how many."""
    return publications_expire_due(Job.objects.all(), fields=("organization_id",))


def jobs_warn_expiring() -> int:
    """Queue a warning to the submitter of each published job that ends within a few days.
    The delivery key names the expiry date, so each date is warned about once however often
    this runs. Returns how many jobs it looked at."""
    soon = timezone.localdate() + timedelta(days=EXPIRY_NOTICE_DAYS)
    jobs = list(
        Job.objects.filter(status=PublicationStatus.PUBLISHED, expires_on__lte=soon)
        .exclude(created_by=None)
        .only("pk", "expires_on", "created_by_id")
    )
    deliveries_queue(
        Outgoing(
            f"expiry-warning:{job.pk}:{job.expires_on}",
            job.created_by_id,
            "expiry_warning",
            {"job": job.pk, "expires_on": str(job.expires_on)},
        )
        for job in jobs
        if job.created_by_id is not None  # excluded above; this tells the type checker
    )
    return len(jobs)


MAX_SAVED_SEARCHES = 20


class TooManySavedSearches(Exception):
    pass


class SearchAlreadySaved(Exception):
    """The person already has a saved search with these filters: `search`."""

    def __init__(self, search: SavedSearch):
        super().__init__(search.pk)
        self.search = search


def saved_search_create(*, user: User, search: SavedSearch) -> SavedSearch:
    """Keep a search for alerts. New jobs are counted from now on. A search the person has
    already saved raises SearchAlreadySaved, so no one gets each alert twice; the database
    refuses the same query twice too (search.query is canonical: SavedSearchForm), for two
    saves at once."""
    if not user.is_authenticated:
        raise PermissionDenied
    same = saved_search_like(user, search.query)
    if same is not None:
        raise SearchAlreadySaved(same)
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise TooManySavedSearches
    search.user = user
    search.alerted_until = timezone.now()
    try:
        with transaction.atomic():
            search.save()
    except IntegrityError:  # saved by another request meanwhile (a double click)
        same = saved_search_like(user, search.query)
        if same is None:
            raise
        raise SearchAlreadySaved(same) from None
    return search


def saved_search_like(user: User, query: str) -> SavedSearch | None:
    """The person's saved search that asks for what this query asks for, however written
    (JobFilters, with their defaults settled: a ZIP code's default radius, a radius without
    a ZIP code), if any. A person has at most MAX_SAVED_SEARCHES."""
    filters = JobFilters.parse(query)
    searches = SavedSearch.objects.filter(user=user).only("pk", "name", "query")
    return next((search for search in searches if JobFilters.parse(search.query) == filters), None)


def saved_search_update(*, user: User, search: SavedSearch) -> SavedSearch:
    """Save a search's new name and how often its alerts come; its filters stay."""
    if search.user_id != user.pk:
        raise PermissionDenied
    search.save(update_fields=["name", "frequency"])
    return search


ALERT_MAX_JOBS = 20


def alert_run_key(frequency: str, now) -> str:
    """Which run an alert belongs to: the day for daily alerts, the ISO week for weekly."""
    day = timezone.localtime(now).date()
    if frequency == SavedSearch.Frequency.WEEKLY:
        year, week, _weekday = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def job_alerts_queue(*, frequency: str, now=None) -> int:
    """Queue one alert per saved search of this frequency that has new jobs: published since
    its last alert and still open. Searches with the same filters share one query. The
    delivery key names the run, so a repeated beat tick queues nothing twice. Returns how
    many alerts were queued."""
    now = now or timezone.now()
    run = alert_run_key(frequency, now)
    searches = SavedSearch.objects.filter(
        wanting("job_alerts", person="user_id"), frequency=frequency, user__is_active=True
    )
    by_query: dict[str, list[SavedSearch]] = {}
    for search in searches.only("pk", "user_id", "query", "alerted_until"):
        by_query.setdefault(search.query, []).append(search)
    queued = 0
    for query, group in by_query.items():
        since = min(search.alerted_until for search in group)
        new_jobs = list(
            jobs_matching(JobFilters.parse(query))
            .filter(published_at__gt=since, published_at__lte=now)
            .order_by("-published_at", "-pk")
            .values_list("job_id", "published_at")[: ALERT_MAX_JOBS * 10]
        )
        alerts = []
        for search in group:
            jobs = [pk for pk, published in new_jobs if published > search.alerted_until]
            if jobs:
                alerts.append(
                    Outgoing(
                        f"job-alert:{search.pk}:{run}",
                        search.user_id,
                        "job_alert",
                        {"search": search.pk, "jobs": jobs[:ALERT_MAX_JOBS]},
                    )
                )
        with transaction.atomic():
            deliveries_queue(alerts)
            SavedSearch.objects.filter(pk__in=[search.pk for search in group]).update(
                alerted_until=now
            )
        queued += len(alerts)
    return queued
