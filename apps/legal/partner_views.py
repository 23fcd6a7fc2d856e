"""A partner's pages for their organization's entry: writing it, changing it (a published
entry through a revision), and the manage page where staff verify it."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import F, Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import ListView, TemplateView, View

from apps.accounts.models import User
from apps.core.forms import posted_id
from apps.core.mixins import CuratorRequiredMixin, ForgivingPaginationMixin
from apps.core.models import PublicationStatus
from apps.core.reports import ReportView
from apps.core.review import ManageView, Table
from apps.core.roles import is_curator
from apps.legal.forms import (
    AccreditationFormSet,
    LocationFormSet,
    PhoneFormSet,
    ProviderForm,
    ProviderReportForm,
    VerifyForm,
    hours_formset,
)
from apps.legal.models import Location, Provider, ProviderReport
from apps.legal.services import (
    EntryChildren,
    Hours,
    Place,
    provider_report,
    provider_report_resolve,
    provider_revision_start,
    provider_save,
    provider_verify,
    revision_changes,
)
from apps.legal.views import ProviderDetailView
from apps.organizations.models import Organization
from apps.organizations.selectors import organizations_of


class EntryForms:
    """The entry's form and its children's formsets, bound to a POST or not."""

    def __init__(self, provider: Provider, data=None, organizations=None):
        self.provider = provider
        self.form = ProviderForm(data, instance=provider, organizations=organizations)
        self.locations = LocationFormSet(
            data, instance=provider, prefix="places",
            queryset=Location.objects.order_by("pk").prefetch_related("schedules")
            if provider.pk else Location.objects.none(),
        )  # fmt: skip
        self.places = [(form, hours_formset(form, data)) for form in self.locations.forms]
        self.phones = PhoneFormSet(data, instance=provider, prefix="phones")
        self.accreditations = AccreditationFormSet(data, instance=provider, prefix="credentials")

    def is_valid(self) -> bool:
        valid = [
            self.form.is_valid(),
            self.locations.is_valid(),
            self.phones.is_valid(),
            self.accreditations.is_valid(),
        ]
        for form, hours in self.places:
            valid.append(hours.is_valid())
            if (
                hours.is_valid()
                and hours.hours()
                and not form.has_changed()
                and not form.instance.pk
            ):
                form.add_error(None, _("Give the address of the place these hours are for."))
                valid.append(False)
        return all(valid)

    def children(self) -> EntryChildren:
        removed = [
            form.instance
            for formset in (self.locations, self.phones, self.accreditations)
            for form in formset.deleted_forms
        ]
        places = [
            Place(form.instance, [Hours(**row) for row in hours.hours()])
            for form, hours in self.places
            if form not in self.locations.deleted_forms and (form.instance.pk or form.has_changed())
        ]
        kept = [
            form
            for form in self.accreditations.forms
            if form not in self.accreditations.deleted_forms
            and (form.instance.pk or form.has_changed())
        ]
        return EntryChildren(
            services=self.form.cleaned_data["services"],
            places=places,
            phones=[
                form.instance
                for form in self.phones.forms
                if form not in self.phones.deleted_forms
                and (form.instance.pk or form.has_changed())
            ],
            accreditations=[form.instance for form in kept],
            changed_accreditations={i for i, form in enumerate(kept) if form.has_changed()},
            removed=removed,
        )


class EntryFormView(LoginRequiredMixin, TemplateView):
    """Writing an entry and editing it: one page with the entry, its places and their hours,
    phones and accreditations. Nothing typed is lost when something needs fixing."""

    template_name = "legal/provider_form.html"
    provider: Provider

    def get_provider(self) -> Provider:
        raise NotImplementedError

    def organizations(self):
        return None

    def get(self, request, *args, **kwargs):
        self.provider = self.get_provider()
        return self.render_to_response(
            self.context(EntryForms(self.provider, None, self.organizations()))
        )

    def post(self, request, *args, **kwargs):
        self.provider = self.get_provider()
        entry = EntryForms(self.provider, request.POST, self.organizations())
        if not entry.is_valid():
            messages.error(request, _("Some answers need fixing: look for the messages below."))
            return self.render_to_response(self.context(entry))
        creating = self.provider.pk is None
        provider = provider_save(actor=request.user, provider=entry.form.instance,
                                 children=entry.children())  # fmt: skip
        if creating:
            messages.success(
                request, _("Saved as a draft. Check how it looks, then send it for review.")
            )
        else:
            messages.success(request, _("Your changes are saved."))
        return HttpResponseRedirect(provider.get_manage_url())

    def context(self, entry: EntryForms) -> dict:
        return self.get_context_data(
            entry=entry, form=entry.form, object=self.provider.pk and self.provider
        )


class ProviderCreateView(EntryFormView):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not is_curator(user) and not self.organizations().exists():
            messages.info(
                request,
                _("To add your organization to the legal help directory, register it first, "
                  "or ask its staff to add you. An organization has one entry."),
            )  # fmt: skip
            return HttpResponseRedirect(reverse("organizations:register"))
        return super().dispatch(request, *args, **kwargs)

    def organizations(self):
        """Active organizations without an entry yet: the partner's own (staff: any)."""
        user = self.request.user
        organizations = Organization.objects.filter(status=Organization.Status.ACTIVE)
        if not is_curator(user):
            organizations = organizations.filter(
                pk__in=organizations_of(cast(User, user)).values("pk")
            )
        with_entry = Provider.objects.entries().values("organization_id")
        return organizations.exclude(pk__in=with_entry).order_by("name")

    def get_provider(self) -> Provider:
        return Provider()


class ProviderUpdateView(EntryFormView):
    """A draft, one sent back or a revision for its organization; anything for staff. A
    partner's published entry is changed through its revision (ProviderReviseView)."""

    def get_provider(self) -> Provider:
        providers = Provider.objects.editable_by(self.request.user).select_related("organization")
        return get_object_or_404(providers.prefetch_related("services"), pk=self.kwargs["pk"])


class ProviderReviseView(LoginRequiredMixin, View):
    """POST: start changing a published entry (or go on with the changes started)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        provider = get_object_or_404(
            Provider.objects.managed_by(request.user).entries(),
            pk=pk, status=PublicationStatus.PUBLISHED,
        )  # fmt: skip
        revision = provider_revision_start(actor=request.user, provider=provider)
        if revision.is_editable_by_partner:
            return HttpResponseRedirect(reverse("legal:edit", kwargs={"pk": revision.pk}))
        messages.info(request, _("Your changes are waiting for review already."))
        return HttpResponseRedirect(revision.get_manage_url())


class ProviderManageView(ManageView):
    """The shared manage page, with the entry's pending changes and staff's verification."""

    kind = "legal"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("revision_of__organization", "verified_by")
            .prefetch_related(
                "services", "accreditations", "revisions",
                Prefetch("locations", queryset=Location.objects.order_by("pk")
                         .prefetch_related("schedules")),
                "phones",
            )
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        provider = self.object
        user = self.request.user
        owner = provider.is_owned_by(user) if user.is_authenticated else False
        return super().get_context_data(
            may_revise=(owner or is_curator(user))
            and provider.status == PublicationStatus.PUBLISHED
            and not provider.is_revision,
            revision=next(iter(provider.revisions.all()), None),
            changes=revision_changes(provider) if provider.is_revision else None,
            verify_form=kwargs.pop("verify_form", None)
            or (VerifyForm() if is_curator(user) and not provider.is_revision else None),
            **kwargs,
        )


class ProviderVerifyView(CuratorRequiredMixin, View):
    """POST from the manage page: staff record what they verified today."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        provider = get_object_or_404(Provider.objects.entries(), pk=pk)
        form = VerifyForm(request.POST)
        if not form.is_valid():
            page = ProviderManageView(request=request, kwargs={"pk": pk}, object=provider)
            page.object = page.get_object()
            return page.render_to_response(page.get_context_data(verify_form=form))
        data = form.cleaned_data
        provider_verify(
            actor=request.user, provider=provider, what=data["verified_what"], note=data["note"]
        )
        messages.success(request, _("Verified today: listed for another year."))
        return HttpResponseRedirect(provider.get_manage_url())


class ProviderReportView(ReportView):
    form_class = ProviderReportForm
    page_view = ProviderDetailView
    thanks = gettext_lazy(
        "Thank you. Our staff will look at this entry. Reports are private: the provider "
        "never sees who reported."
    )
    limit_reached = gettext_lazy(
        "You have already reported this provider, or several in a short time. Our staff will "
        "look at your reports."
    )

    def get_queryset(self):
        return Provider.objects.listed().select_related("organization")

    def report(self, **fields) -> None:
        provider_report(provider=self.object, **fields)


class ProviderReportsView(CuratorRequiredMixin, ForgivingPaginationMixin, ListView):
    """Seekers' reports on entries, unhandled first, newest first; staff mark one handled,
    or take the entry down with it."""

    template_name = "legal/reports.html"
    context_object_name = "reports"
    paginate_by = 30
    extra_context = {
        "table": Table(
            caption=gettext_lazy("Reports on legal help providers"),
            headers=(
                gettext_lazy("When"), gettext_lazy("Provider"), gettext_lazy("Reason"),
                gettext_lazy("Details"), gettext_lazy("Status"),
            ),
            row_template="legal/includes/report_row.html",
            empty=gettext_lazy("No reports."),
        )
    }  # fmt: skip

    def get_queryset(self):
        return ProviderReport.objects.select_related(
            "provider__organization", "resolved_by"
        ).order_by(F("resolved_at").desc(nulls_first=True), "-created_at", "-pk")

    def post(self, request, *args, **kwargs):
        report = get_object_or_404(
            ProviderReport.objects.select_related("provider"), pk=posted_id(request, "report")
        )
        take_down = request.POST.get("take_down") == "1"
        provider_report_resolve(actor=request.user, report=report, take_down=take_down)
        if take_down:
            messages.success(request, _("Handled: the entry is off the directory."))
        else:
            messages.success(request, _("Marked as handled."))
        return HttpResponseRedirect(reverse("legal:reports"))
