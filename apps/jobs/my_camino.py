"""Jobs' section of a person's My Camino page (apps.core.registry.personal_sections): their
saved jobs and saved searches, a few of each with links to their own pages, and the reports
they filed (only staff see reports: the person sees that they were sent and whether staff
have handled them). Three queries for someone with none of these, six for anyone else,
however many they have."""

from apps.jobs.models import JobReport, SavedJob, SavedSearch

SHOWN = 3


def jobs_section(user) -> dict | None:
    saved = SavedJob.objects.filter(user=user)
    searches = SavedSearch.objects.filter(user=user)
    reports = JobReport.objects.filter(reporter=user)
    counts = {
        "saved_count": saved.count(),
        "search_count": searches.count(),
        "report_count": reports.count(),
    }
    if not any(counts.values()):
        return None
    return {
        **counts,
        "saved_jobs": list(saved.select_related("job")[:SHOWN]),
        "searches": list(searches[:SHOWN]),
        "reports": list(reports.select_related("job")[:SHOWN]),
    }
