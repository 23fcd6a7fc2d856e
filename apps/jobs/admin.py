from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from apps.core.personal_data import actor_column
from apps.jobs import services
from apps.jobs.models import Job, JobReport


@admin.register(Job)
class JobAdmin(TranslationAdmin):
    """Staff edit here too; saving goes through the services so derived fields stay right.
    Status changes belong on the job's manage page (they notify the submitter)."""

    list_display = ["__str__", "organization", "status", "work_authorization", "expires_on"]
    list_filter = ["status", "work_authorization", "category", "employment_type"]
    search_fields = ["title_es", "title_en", "organization__name"]
    # Shown read-only below, by actor_column.
    exclude = ["created_by"]
    readonly_fields = [
        "status",
        actor_column(Job, "created_by"),
        "submitted_at",
        "published_at",
        "review_note",
    ]
    autocomplete_fields = ["organization"]

    def save_model(self, request, obj, form, change):
        if change:
            services.job_update(actor=request.user, job=obj)
        else:
            services.job_create(actor=request.user, job=obj)


@admin.register(JobReport)
class JobReportAdmin(admin.ModelAdmin):
    list_display = ["job", "reason", "created_at", "resolved_at"]
    list_filter = ["reason", ("resolved_at", admin.EmptyFieldListFilter)]
    readonly_fields = [
        "job",
        # Empty for a visitor who was not signed in, and for a deleted account alike.
        "reporter",
        "reason",
        "details",
        "created_at",
        actor_column(JobReport, "resolved_by", done_when="resolved_at"),
        "resolved_at",
    ]

    def has_add_permission(self, request) -> bool:
        # Reports come from seekers on a job's page; every field here is read-only.
        return False
