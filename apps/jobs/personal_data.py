"""Jobs' personal data (apps.core.personal_data): saved jobs and searches go with the person;
listings they submitted stay with their organization, and reports they filed or handled stay
for staff, without them."""

from django.utils.translation import gettext_lazy as _

from apps.core.personal_data import DELETE, KEEP, PersonalData, listings_created
from apps.jobs.models import JobReport, SavedJob, SavedSearch


def saved_job_rows(user):
    for saved in SavedJob.objects.filter(user=user).select_related("job").order_by("created_at"):
        yield {"job": str(saved.job), "saved_at": saved.created_at}


def saved_search_rows(user):
    for search in SavedSearch.objects.filter(user=user).order_by("created_at", "id"):
        yield {
            "name": search.name,
            "search": search.query,
            "frequency": search.get_frequency_display(),
            "created_at": search.created_at,
        }


def report_rows(field: str, date_field: str):
    def rows(user):
        reports = JobReport.objects.filter(**{field: user}).select_related("job")
        for report in reports.order_by(date_field, "id"):
            yield {
                "job": str(report.job),
                "reason": report.get_reason_display(),
                "details": report.details,
                "when": getattr(report, date_field),
            }

    return rows


REPORT_COLUMNS = (
    ("job", _("Job")),
    ("reason", _("Reason")),
    ("details", _("Details")),
    ("when", _("When")),
)

ENTRIES = [
    PersonalData(
        name="saved_jobs",
        model="jobs.SavedJob",
        title=_("Saved jobs"),
        field="user",
        on_erase=DELETE,
        columns=(("job", _("Job")), ("saved_at", _("Saved"))),
        rows=saved_job_rows,
    ),
    PersonalData(
        name="saved_searches",
        model="jobs.SavedSearch",
        title=_("Saved searches"),
        field="user",
        on_erase=DELETE,
        columns=(
            ("name", _("Name")),
            ("search", _("Search")),
            ("frequency", _("How often")),
            ("created_at", _("Created")),
        ),
        rows=saved_search_rows,
    ),
    listings_created(
        name="jobs_submitted",
        model="jobs.Job",
        title=_("Job posts you created"),
        item_label=_("Job"),
    ),
    PersonalData(
        name="reports_filed",
        model="jobs.JobReport",
        title=_("Reports you filed"),
        field="reporter",
        on_erase=KEEP,
        columns=REPORT_COLUMNS,
        rows=report_rows("reporter", "created_at"),
    ),
    PersonalData(
        name="reports_handled",
        model="jobs.JobReport",
        title=_("Reports you handled"),
        field="resolved_by",
        on_erase=KEEP,
        columns=REPORT_COLUMNS,
        rows=report_rows("resolved_by", "resolved_at"),
    ),
]
