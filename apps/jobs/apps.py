from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "apps.jobs"
    label = "jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from django.urls import reverse

        from apps.core.curation import curation_reason_register, reported_reason, review_reasons
        from apps.core.indexing import SearchType, ZipLocation, search_type_register
        from apps.core.personal_data import declare
        from apps.core.publishable import PublishableType, publishable_types
        from apps.core.registry import (
            HomeEntry,
            NavigationEntry,
            PersonalSection,
            category_sections,
            home_entries,
            navigation,
            personal_sections,
        )
        from apps.core.services import audit_notes_register
        from apps.jobs.digest import NewJobs
        from apps.jobs.emails import expiry_warning, job_alert
        from apps.jobs.models import Job, JobSearchEntry, ReportReason
        from apps.jobs.my_camino import jobs_section
        from apps.jobs.personal_data import ENTRIES
        from apps.jobs.summary import JobsToCurate
        from apps.notifications.registry import (
            EmailTopic,
            digest_sections,
            email_kind_register,
            email_topics,
            summary_sections,
        )

        search_type_register(
            SearchType(
                entry=JobSearchEntry,
                title_fields=("title",),
                # Place names are not stemmed differently per language: the city is not
                # translated, so it is stemmed once, in the default language.
                body_fields=("description", "requirements", "benefits", "schedule_notes", "city"),
                columns=JobSearchEntry.columns,
                location=ZipLocation("zip_code"),
            )
        )
        navigation.register("jobs", NavigationEntry(_("Jobs"), "jobs:list"))
        home_entries.register(
            "jobs",
            HomeEntry(
                title=_("Jobs you can actually apply for"),
                text=_(
                    "Every listing says what work authorization it needs: open to everyone "
                    "(for example, contract work with an ITIN), work permit (EAD) accepted, or "
                    "authorization required. Filter by what fits you."
                ),
                url_name="jobs:list",
                link_label=_("Find a job"),
            ),
        )
        email_kind_register("job_alert", job_alert, _("New jobs for a saved search"))
        email_kind_register("expiry_warning", expiry_warning, _("A job post about to expire"))
        email_topics.register(
            "job_alerts",
            EmailTopic(
                _("Job alerts for my saved searches"),
                default=True,
                hint=_("How often alerts come is set for each saved search."),
                hint_url="jobs:searches",
            ),
        )
        digest_sections.register("jobs", NewJobs)
        summary_sections.register("jobs", JobsToCurate)

        declare(*ENTRIES)
        personal_sections.register(
            "jobs",
            PersonalSection(
                title=_("My jobs"), template="jobs/includes/my_camino_jobs.html",
                load=jobs_section, empty_url_name="jobs:list",
                empty_text=_("Save the jobs you like and your searches, to find them here."),
                empty_link_label=_("Search jobs"),
            ),
        )  # fmt: skip
        publishable_types.register(
            "jobs",
            PublishableType(
                Job, _("Jobs waiting for review"),
                manage_template="jobs/job_manage.html",
                edit_url_name="jobs:edit", renew_url_name="jobs:renew",
                queue_url_name="jobs:review_queue",
            ),
        )  # fmt: skip
        # A kind of work's career pathway shows its open jobs.
        from apps.jobs.pathway import SECTION as pathway_section

        category_sections.register("jobs", pathway_section)
        from apps.core.registry import OrganizationSection, organization_sections
        from apps.organizations.sections import OFFERED_TEMPLATE, Offered

        organization_sections.register(
            "jobs",
            OrganizationSection(
                _("Jobs"),
                OFFERED_TEMPLATE,
                Offered("jobs.Job", ("published",), ("-published_at", "-pk")),
            ),
        )
        from apps.core.imports import import_resources
        from apps.jobs.imports import RESOURCE

        import_resources.register("jobs", RESOURCE)
        curation_reason_register(
            *review_reasons("jobs"), reported_reason(Job, url=lambda job: reverse("jobs:reports"))
        )
        audit_notes_register("report", ReportReason)
        # Its figures and its reports on curation's dashboard.
        from apps.core.dashboard import dashboard_declare
        from apps.jobs.figures import FIGURES as dashboard_entries
        from apps.jobs.models import JobReport

        dashboard_declare(figures=dashboard_entries, reports={"jobs": JobReport})
