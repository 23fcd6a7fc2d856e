import hmac
import json

from allauth.account.adapter import get_adapter as get_account_adapter
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)
from django.views.generic.detail import SingleObjectMixin

from apps.accounts.roles import is_curator
from apps.core.emails import absolute_url
from apps.core.mixins import CuratorRequiredMixin
from apps.core.models import AuditEntry, PublicationStatus
from apps.core.services import (
    TRANSITIONS,
    InvalidTransition,
    allowed_transitions,
    publication_transition,
)
from apps.jobs.forms import JobFilterForm, JobForm, ReportForm, ReviewForm, SavedSearchForm
from apps.jobs.models import (
    WORK_AUTHORIZATION_EXPLANATIONS,
    Job,
    JobReport,
    SavedJob,
    SavedSearch,
    WorkAuthorization,
)
from apps.jobs.selectors import jobs_for, jobs_search
from apps.jobs.services import (
    MAX_SAVED_SEARCHES,
    ReportLimitReached,
    TooManySavedSearches,
    job_create,
    job_renew,
    job_report,
    job_report_resolve,
    job_save,
    job_unsave,
    job_update,
    saved_search_create,
)
from apps.organizations.models import Organization
from apps.organizations.selectors import member_organization_ids, organizations_of

PAGE_SIZE = 20


def posted_id(request, name: str) -> int:
    """The id a button posted (the row to delete or handle). A value that is not an id is
    an id of nothing: 404, as for a row that does not exist."""
    try:
        return forms.IntegerField(min_value=1).clean(request.POST.get(name))
    except ValidationError:
        raise Http404 from None


class JobListView(ListView):
    template_name = "jobs/job_list.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.form = JobFilterForm(request.GET)
        self.filters = self.form.filters()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return jobs_search(self.filters)

    def paginate_queryset(self, queryset, page_size):
        """Like ListView's, but a page number that is not a number or is past the end shows
        the nearest page with a message, instead of a 404."""
        paginator = Paginator(queryset, page_size)
        asked = self.request.GET.get("page", "1")
        page = paginator.get_page(asked)
        if asked != "1" and str(page.number) != asked:
            messages.info(
                self.request,
                _("There is no page %(asked)s of these results; showing page %(page)s.")
                % {"asked": asked[:12], "page": page.number},
            )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, filters=self.filters, **kwargs)
        context["jobs"] = jobs_for(context["page_obj"].object_list)
        query = self.form.query_string()
        context["save_search_form"] = SavedSearchForm(
            initial={"query": query, "name": self.filters.get("q", "")[:80]}
        )
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
    if job.workplace == "remote":
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


class JobFormMixin:
    """Shared by creating and editing: the organizations the person may post for."""

    form_class = JobForm
    template_name = "jobs/job_form.html"

    def get_form_kwargs(self):
        user = self.request.user
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


class JobCreateView(LoginRequiredMixin, JobFormMixin, CreateView):
    def get(self, request, *args, **kwargs):
        if not self.get_form_kwargs()["organizations"].exists():
            messages.info(
                request,
                _("To post a job, register your organization first, or ask its staff to add you."),
            )
            return HttpResponseRedirect(reverse("organizations:register"))
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        job = job_create(actor=self.request.user, job=form.instance)
        messages.success(
            self.request,
            _("Saved as a draft. Check how it looks, then send it for review."),
        )
        return HttpResponseRedirect(job.get_manage_url())


class JobUpdateView(LoginRequiredMixin, JobFormMixin, UpdateView):
    def get_queryset(self):
        return Job.objects.editable_by(self.request.user)

    def form_valid(self, form):
        job = job_update(actor=self.request.user, job=form.instance)
        messages.success(self.request, _("Your changes are saved."))
        return HttpResponseRedirect(job.get_manage_url())


class JobManageView(LoginRequiredMixin, DetailView):
    """The preview and status of a job for its organization and staff, with what each may do
    next: edit, send for review, publish or reject with a note."""

    template_name = "jobs/job_manage.html"
    context_object_name = "job"

    def get_queryset(self):
        return Job.objects.managed_by(self.request.user).select_related("organization")

    def get_context_data(self, **kwargs):
        job = self.object
        user = self.request.user
        actions = allowed_transitions(actor=user, item=job)
        history = AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Job), object_id=job.pk
        ).select_related("actor")
        return super().get_context_data(
            actions=actions,
            can_edit=Job.objects.editable_by(user).filter(pk=job.pk).exists(),
            review_form=kwargs.pop("review_form", None) or ReviewForm(),
            history=history if is_curator(user) else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = job = self.get_object()
        form = ReviewForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(review_form=form))
        action, note = form.cleaned_data["action"], form.cleaned_data["note"]
        try:
            publication_transition(actor=request.user, item=job, action=action, note=note)
        except InvalidTransition:
            messages.error(request, _("That is no longer possible: the job has changed status."))
        else:
            messages.success(request, TRANSITIONS[action].label)
        return HttpResponseRedirect(job.get_manage_url())


class MyJobsView(LoginRequiredMixin, ListView):
    """A partner's submissions, with their status and the reviewer's note."""

    template_name = "jobs/job_mine.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return (
            Job.objects.filter(organization__in=member_organization_ids(self.request.user))
            .select_related("organization")
            .order_by("-updated_at", "-id")
        )


class ReviewQueueView(CuratorRequiredMixin, ListView):
    template_name = "jobs/review_queue.html"
    context_object_name = "jobs"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Job.objects.awaiting_review().select_related("organization", "created_by")

    def get_context_data(self, **kwargs):
        # Reports come first: a scam may be live right now.
        open_reports = JobReport.objects.filter(resolved_at=None).select_related("job")
        return super().get_context_data(
            open_reports=open_reports[:5], open_report_count=open_reports.count(), **kwargs
        )


def who_is_asking(request) -> str:
    """A stable key for rate limits: the account, or a keyed hash of the address (Camino does
    not store visitors' addresses)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = get_account_adapter(request).get_client_ip(request) or "unknown"
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), "sha256").hexdigest()
    return f"ip:{digest[:32]}"


class JobReportView(SingleObjectMixin, FormView):
    """POST only: the report form lives on the job's page."""

    form_class = ReportForm
    http_method_names = ["post"]

    def get_queryset(self):
        return Job.objects.published()

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            job_report(
                job=self.object, reporter=self.request.user, who=who_is_asking(self.request),
                reason=form.cleaned_data["reason"], details=form.cleaned_data["details"],
            )  # fmt: skip
        except ReportLimitReached:
            messages.warning(
                self.request,
                _("You have already reported this job, or several jobs in a short time. "
                  "Our staff will look at your reports."),
            )  # fmt: skip
        else:
            messages.success(
                self.request, _("Thank you. Our staff will review this job. Reports are private.")
            )
        return HttpResponseRedirect(self.object.get_absolute_url())

    def form_invalid(self, form):
        """The job's page again, with the report form open and what was typed in it."""
        if "reason" in form.errors:
            messages.error(self.request, _("Choose what is wrong with the job to report it."))
        else:
            messages.error(self.request, _("Check the report form at the end of the page."))
        page = JobDetailView(request=self.request, kwargs=self.kwargs, object=self.object)
        return page.render_to_response(page.get_context_data(report_form=form))


class JobSaveView(LoginRequiredMixin, SingleObjectMixin, View):
    """POST: save or, with remove=1, forget a job. Works without JavaScript."""

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
    template_name = "jobs/saved_jobs.html"
    context_object_name = "saved_jobs"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return SavedJob.objects.filter(user=self.request.user).select_related("job__organization")


class SavedJobRemoveView(LoginRequiredMixin, View):
    """POST: forget a saved job, whatever its state (it may have expired)."""

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
    """Keep a published or expired job up: unchanged it is listed again at once; changed, it
    goes back to review."""

    template_name = "jobs/job_renew.html"

    def get_queryset(self):
        return Job.objects.managed_by(self.request.user).filter(
            status__in=[PublicationStatus.PUBLISHED, PublicationStatus.EXPIRED]
        )

    def form_valid(self, form):
        changed = form.has_changed()
        job = job_renew(actor=self.request.user, job=form.instance, changed=changed)
        if changed:
            messages.success(self.request, _("Renewed. Our staff will review your changes first."))
        else:
            messages.success(
                self.request,
                _("Renewed: the job is listed until %(date)s.")
                % {"date": date_format(job.expires_on, "DATE_FORMAT")},
            )
        return HttpResponseRedirect(job.get_manage_url())


class SavedSearchCreateView(LoginRequiredMixin, CreateView):
    """POST only: the form sits on the job list, under the results."""

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
        messages.success(
            self.request,
            _("Search saved. We will email you new jobs that match it (%(how_often)s).")
            % {"how_often": search.get_frequency_display().lower()},
        )
        return HttpResponseRedirect(search.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, _("Give the search a name to save it."))
        query = form.data.get("query", "")
        return HttpResponseRedirect(reverse("jobs:list") + (f"?{query}" if query else ""))


class SavedSearchListView(LoginRequiredMixin, ListView):
    template_name = "jobs/saved_searches.html"
    context_object_name = "searches"

    def get_queryset(self):
        return SavedSearch.objects.filter(user=self.request.user)

    def post(self, request, *args, **kwargs):
        search = get_object_or_404(SavedSearch, pk=posted_id(request, "search"), user=request.user)
        search.delete()
        messages.success(request, _("Search deleted: no more alerts for it."))
        return HttpResponseRedirect(reverse("jobs:searches"))
