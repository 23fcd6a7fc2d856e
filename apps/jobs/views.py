import json
from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import F
from django.http import HttpRequest, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import (
    CreateView,
    DetailView,
    ListView,
    TemplateView,
    UpdateView,
)
from django.views.generic.detail import SingleObjectMixin
from django.views.generic.edit import ModelFormMixin

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.core.emails import absolute_url
from apps.core.forms import posted_id
from apps.core.mixins import CuratorRequiredMixin, SearchListMixin
from apps.core.reports import ReportView
from apps.core.review import (
    ManageView,
    PublishableCreateView,
    PublishableUpdateView,
    ReviewQueueView,
    Table,
)
from apps.core.roles import is_curator
from apps.core.services import RENEWAL_WINDOW_DAYS, InvalidTransition, allowed_transitions
from apps.jobs.forms import (
    JobFilterForm,
    JobForm,
    ReportForm,
    SavedSearchChangeForm,
    SavedSearchForm,
)
from apps.jobs.models import (
    WORK_AUTHORIZATION_EXPLANATIONS,
    Job,
    JobReport,
    SavedJob,
    SavedSearch,
    WorkAuthorization,
    Workplace,
)
from apps.jobs.selectors import jobs_for, jobs_search
from apps.jobs.services import (
    MAX_SAVED_SEARCHES,
    SearchAlreadySaved,
    TooManySavedSearches,
    job_renew,
    job_report,
    job_report_resolve,
    job_save,
    job_unsave,
    saved_search_create,
    saved_search_update,
)
from apps.organizations.models import Organization
from apps.organizations.selectors import member_organization_ids, organizations_of

PAGE_SIZE = 20


class JobListView(SearchListMixin, ListView):
    template_name = "jobs/job_list.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE
    filter_form_class = JobFilterForm

    def search(self, filters):
        return jobs_search(filters)

    def load(self, entries):
        return jobs_for(entries)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.is_authenticated:  # only people signed in save searches
            query = self.form.typed_query_string()
            # Back from a save that failed: the form as it was sent, with what to fix.
            unsaved = self.request.session.pop(UNSAVED_SEARCH, None)
            context["save_search_form"] = (
                SavedSearchForm(unsaved)
                if unsaved and unsaved.get("query") == query
                else SavedSearchForm(initial={"query": query, "name": self.filters.q[:80]})
            )
            context["save_search_problems"] = self.form.problems()
        return context


class JobDetailView(DetailView):
    template_name = "jobs/job_detail.html"
    context_object_name = "job"

    def get_queryset(self):
        return Job.objects.visible_to(self.request.user).select_related("organization")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            job_posting=job_posting_json_ld(self.object),
            is_saved=user.is_authenticated
            and SavedJob.objects.filter(user=user, job=self.object).exists(),
            report_form=kwargs.pop("report_form", None) or ReportForm(),
            **kwargs,
        )


class WorkAuthorizationView(TemplateView):
    template_name = "jobs/work_authorization.html"

    def get_context_data(self, **kwargs):
        labels = [(choice, WORK_AUTHORIZATION_EXPLANATIONS[choice]) for choice in WorkAuthorization]
        return super().get_context_data(labels=labels, **kwargs)


EMPLOYMENT_TYPES_SCHEMA = {
    "full_time": "FULL_TIME", "part_time": "PART_TIME", "temporary": "TEMPORARY",
    "contract": "CONTRACTOR", "day_labor": "PER_DIEM", "internship": "INTERN",
    "apprenticeship": "OTHER", "volunteer": "VOLUNTEER",
}  # fmt: skip
PAY_UNITS_SCHEMA = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}


def job_posting_json_ld(job: Job) -> str:
    """schema.org JobPosting, escaped so it is safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": str(job.title),
        "description": job.description,
        "datePosted": job.posted_on.isoformat() if job.posted_on else None,
        "validThrough": job.expires_on.isoformat(),
        "employmentType": EMPLOYMENT_TYPES_SCHEMA[job.employment_type],
        "hiringOrganization": {"@type": "Organization", "name": job.organization.name},
        "url": absolute_url(job.get_absolute_url()),
    }
    if job.workplace == Workplace.REMOTE:
        data["jobLocationType"] = "TELECOMMUTE"
    if job.city:
        data["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress", "addressLocality": job.city,
                "addressRegion": job.state, "postalCode": job.zip_code, "addressCountry": "US",
            },
        }  # fmt: skip
    if (job.pay_min or job.pay_max) and job.pay_unit in PAY_UNITS_SCHEMA:
        data["baseSalary"] = {
            "@type": "MonetaryAmount", "currency": "USD",
            "value": {
                "@type": "QuantitativeValue", "unitText": PAY_UNITS_SCHEMA[job.pay_unit],
                **({"minValue": float(job.pay_min)} if job.pay_min else {}),
                **({"maxValue": float(job.pay_max)} if job.pay_max else {}),
            },
        }  # fmt: skip
    text = json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class JobFormMixin(ModelFormMixin):
    """Shared by creating and editing: the organizations the person may post for."""

    request: HttpRequest
    form_class = JobForm
    template_name: str | None = "jobs/job_form.html"

    def get_form_kwargs(self):
        user = cast(User, self.request.user)  # the views require signing in
        organizations = (
            Organization.objects.filter(status=Organization.Status.ACTIVE)
            if is_curator(user)
            else organizations_of(user).filter(status=Organization.Status.ACTIVE)
        )
        return {
            **super().get_form_kwargs(),
            "organizations": organizations,
            "can_set_expiry": is_curator(user),
        }


class JobCreateView(JobFormMixin, PublishableCreateView):
    kind = "jobs"

    def get(self, request, *args, **kwargs):
        if not self.get_form_kwargs()["organizations"].exists():
            messages.info(
                request,
                _("To post a job, register your organization first, or ask its staff to add you."),
            )
            return HttpResponseRedirect(reverse("organizations:register"))
        return super().get(request, *args, **kwargs)


class JobUpdateView(JobFormMixin, PublishableUpdateView):
    kind = "jobs"


class JobManageView(ManageView):
    kind = "jobs"


class MyJobsView(LoginRequiredMixin, ListView):
    """A partner's submissions, with their status and the reviewer's note."""

    request: AuthenticatedHttpRequest

    template_name = "jobs/job_mine.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE
    extra_context = {
        "table": Table(
            caption=gettext_lazy("My job posts"),
            headers=(
                gettext_lazy("Job"), gettext_lazy("Organization"), gettext_lazy("Status"),
                gettext_lazy("Note from our staff"),
            ),
            row_template="jobs/includes/mine_row.html",
            empty=gettext_lazy("You have not posted any jobs yet."),
        )
    }  # fmt: skip

    def get_queryset(self):
        return (
            Job.objects.filter(organization__in=member_organization_ids(self.request.user))
            .select_related("organization")
            .order_by("-updated_at", "-id")
        )


class JobReviewQueueView(ReviewQueueView):
    kind = "jobs"
    template_name = "jobs/review_queue.html"
    context_object_name = "jobs"

    def get_context_data(self, **kwargs):
        # Reports come first: a scam may be live right now.
        open_reports = JobReport.objects.filter(resolved_at=None).select_related("job")
        return super().get_context_data(
            open_reports=open_reports[:5], open_report_count=open_reports.count(), **kwargs
        )


class JobReportView(ReportView):
    form_class = ReportForm
    page_view = JobDetailView
    thanks = gettext_lazy("Thank you. Our staff will review this job. Reports are private.")
    limit_reached = gettext_lazy(
        "You have already reported this job, or several jobs in a short time. Our staff will "
        "look at your reports."
    )

    def get_queryset(self):
        return Job.objects.published()

    def invalid_message(self, form):
        if "reason" in form.errors:
            return gettext_lazy("Choose what is wrong with the job to report it.")
        return super().invalid_message(form)

    def report(self, **fields) -> None:
        job_report(job=self.object, **fields)


class JobSaveView(LoginRequiredMixin, SingleObjectMixin, View):
    """POST: save or, with remove=1, forget a job. Works without JavaScript."""

    request: AuthenticatedHttpRequest

    def get_queryset(self):
        return Job.objects.published()

    def post(self, request, *args, **kwargs):
        job = self.get_object()
        if request.POST.get("remove"):
            job_unsave(user=request.user, job=job)
            messages.success(request, _("Removed from your saved jobs."))
        else:
            job_save(user=request.user, job=job)
            messages.success(request, _("Saved. Find it under Saved jobs."))
        return HttpResponseRedirect(job.get_absolute_url())


class SavedJobsView(LoginRequiredMixin, ListView):
    request: AuthenticatedHttpRequest

    template_name = "jobs/saved_jobs.html"
    context_object_name = "saved_jobs"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return SavedJob.objects.filter(user=self.request.user).select_related("job__organization")


class SavedJobRemoveView(LoginRequiredMixin, View):
    """POST: forget a saved job, whatever its state (it may have expired)."""

    request: AuthenticatedHttpRequest

    def post(self, request, pk):
        saved = get_object_or_404(SavedJob, pk=pk, user=request.user)
        saved.delete()
        messages.success(request, _("Removed from your saved jobs."))
        return HttpResponseRedirect(reverse("jobs:saved"))


class ReportsView(CuratorRequiredMixin, ListView):
    """Reports on listings, newest first, unhandled ones on top."""

    template_name = "jobs/reports.html"
    context_object_name = "reports"
    paginate_by = PAGE_SIZE
    extra_context = {
        "table": Table(
            caption=gettext_lazy("Reports on listings"),
            headers=(
                gettext_lazy("When"), gettext_lazy("Job"), gettext_lazy("Reason"),
                gettext_lazy("Details"), gettext_lazy("Status"),
            ),
            row_template="jobs/includes/report_row.html",
            empty=gettext_lazy("No reports."),
        )
    }  # fmt: skip

    def get_queryset(self):
        return JobReport.objects.select_related("job", "reporter", "resolved_by").order_by(
            F("resolved_at").desc(nulls_first=True), "-created_at"
        )

    def post(self, request, *args, **kwargs):
        report = get_object_or_404(JobReport, pk=posted_id(request, "report"))
        job_report_resolve(actor=request.user, report=report)
        messages.success(request, _("Marked as handled."))
        return HttpResponseRedirect(reverse("jobs:reports"))


class JobRenewView(LoginRequiredMixin, JobFormMixin, UpdateView):
    """Keep a job up that expired by date or is about to: unchanged it is listed again at
    once; changed, it goes back to review. A job staff took down, or with reports still
    open, is not renewed."""

    request: AuthenticatedHttpRequest

    template_name = "jobs/job_renew.html"

    def get_queryset(self):
        return Job.objects.managed_by(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            job = self.get_object()
            allowed = allowed_transitions(actor=request.user, item=job)
            if not {"renew", "renew with changes"} & set(allowed):
                return self.refuse(job)
        return super().dispatch(request, *args, **kwargs)

    def refuse(self, job):
        if job.has_open_reports():
            messages.error(self.request, _("Our staff must look at the reports about it first."))
        else:
            messages.error(self.request, _("This job cannot be renewed in its current status."))
        return HttpResponseRedirect(job.get_manage_url())

    def form_valid(self, form):
        changed = form.has_changed()
        try:
            job = job_renew(actor=self.request.user, job=form.instance, changed=changed)
        except InvalidTransition:
            job = Job.objects.get(pk=form.instance.pk)
            if job.has_open_reports() or changed:
                return self.refuse(job)
            messages.info(
                self.request,
                _("It is listed until %(date)s: it can be renewed as it is in its last "
                  "%(days)s days.")
                % {"date": date_format(job.expires_on, "DATE_FORMAT"), "days": RENEWAL_WINDOW_DAYS},
            )  # fmt: skip
            return HttpResponseRedirect(job.get_manage_url())
        if changed:
            messages.success(self.request, _("Renewed. Our staff will review your changes first."))
        else:
            messages.success(
                self.request,
                _("Renewed: the job is listed until %(date)s.")
                % {"date": date_format(job.expires_on, "DATE_FORMAT")},
            )
        return HttpResponseRedirect(job.get_manage_url())


# The session key that carries a search that could not be saved back to its page.
UNSAVED_SEARCH = "jobs:unsaved_search"


class SavedSearchCreateView(LoginRequiredMixin, CreateView):
    """POST only: the form sits on the job list, under the results."""

    request: AuthenticatedHttpRequest

    form_class = SavedSearchForm
    http_method_names = ["post"]

    def form_valid(self, form):
        try:
            search = saved_search_create(user=self.request.user, search=form.instance)
        except TooManySavedSearches:
            messages.error(
                self.request,
                _("You already have %(max)s saved searches. Delete one to save another.")
                % {"max": MAX_SAVED_SEARCHES},
            )
            return HttpResponseRedirect(reverse("jobs:searches"))
        except SearchAlreadySaved as already:
            messages.info(
                self.request,
                _('You already saved this search as "%(name)s". You can change its name or '
                  "how often we email you here.") % {"name": already.search.name},
            )  # fmt: skip
            return HttpResponseRedirect(reverse("jobs:searches"))
        messages.success(
            self.request,
            _("Search saved. We will email you new jobs that match it (%(how_often)s).")
            % {"how_often": search.get_frequency_display().lower()},
        )
        return HttpResponseRedirect(search.get_absolute_url())

    def form_invalid(self, form):
        """Back to the search as typed. Its page shows the form again as it was sent (kept
        in the session across the redirect: the list's links and language switch need the
        list's own URL), with the name and frequency chosen and what to fix."""
        if form.has_error("query"):
            messages.error(self.request, form.errors["query"][0])
        else:  # a name over the length the field allows (or a forged frequency)
            messages.error(self.request, _("The name of a search may have at most 80 characters."))
        sent = {name: form.data.get(name, "") for name in ("name", "frequency", "query")}
        self.request.session[UNSAVED_SEARCH] = sent
        query = QueryDict(sent["query"]).urlencode()
        return HttpResponseRedirect(
            reverse("jobs:list") + (f"?{query}" if query else "") + "#save-search"
        )


class SavedSearchListView(LoginRequiredMixin, ListView):
    """A person's saved searches, each with a small form to rename it or change how often
    its alerts come (SavedSearchUpdateView), and a button to delete it."""

    request: AuthenticatedHttpRequest

    template_name = "jobs/saved_searches.html"
    context_object_name = "searches"
    # A form sent with a mistake, shown again as typed: {search id: bound form}.
    changed: dict[int, SavedSearchChangeForm] = {}

    def get_queryset(self):
        return SavedSearch.objects.filter(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (search, self.changed.get(search.pk) or change_form(search))
            for search in context["searches"]
        ]
        return context

    def post(self, request, *args, **kwargs):
        search = get_object_or_404(SavedSearch, pk=posted_id(request, "search"), user=request.user)
        search.delete()
        messages.success(request, _("Search deleted: no more alerts for it."))
        return HttpResponseRedirect(reverse("jobs:searches"))


def change_form(search: SavedSearch, data=None) -> SavedSearchChangeForm:
    """The form of one saved search on its page, with ids of its own."""
    return SavedSearchChangeForm(data, instance=search, auto_id=f"search-{search.pk}-%s")


class SavedSearchUpdateView(LoginRequiredMixin, UpdateView):
    """POST only: a new name or frequency for a saved search, from its row on the saved
    searches page. Another person's search is a 404."""

    request: AuthenticatedHttpRequest

    http_method_names = ["post"]

    def get_queryset(self):
        return SavedSearch.objects.filter(user=self.request.user)

    def get_form(self, form_class=None):
        return change_form(self.object, self.request.POST)

    def form_valid(self, form):
        search = saved_search_update(user=self.request.user, search=form.instance)
        messages.success(
            self.request,
            _('Changes saved. We will email you new jobs for "%(name)s" %(how_often)s.')
            % {"name": search.name, "how_often": search.get_frequency_display().lower()},
        )
        return HttpResponseRedirect(reverse("jobs:searches"))

    def form_invalid(self, form):
        """The saved searches again, this search's form with what was typed and what to
        fix."""
        messages.error(self.request, _("The changes were not saved. Check the search's form."))
        page = SavedSearchListView(request=self.request, changed={self.object.pk: form})
        page.object_list = page.get_queryset()
        return page.render_to_response(page.get_context_data())
