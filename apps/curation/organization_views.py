"""Staff's pages for organizations: the list with filters, create and edit, and the
decisions (verify, approve or decline a request, suspend and reinstate). They live in
curation, on top of every app, so that they can show what each app holds for an
organization; the writes are apps.organizations.services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, UpdateView, View

from apps.accounts.http import AuthenticatedHttpRequest
from apps.core.mixins import CuratorRequiredMixin, ForgivingPaginationMixin
from apps.core.review import HISTORY_TABLE, PAGE_SIZE, history_of
from apps.curation.organization_forms import OrganizationFilterForm
from apps.organizations import selectors, services
from apps.organizations.forms import NoteForm, OrganizationRequestForm, ReasonForm
from apps.organizations.models import Organization


def staff_url(organization: Organization) -> str:
    return reverse("curation:organization", kwargs={"pk": organization.pk})


class OrganizationListView(CuratorRequiredMixin, ForgivingPaginationMixin, ListView):
    template_name = "curation/organization_list.html"
    context_object_name = "organizations"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = OrganizationFilterForm(self.request.GET)
        organizations = Organization.objects.annotate(member_count=Count("memberships"))
        return self.form.filter(organizations).order_by("name", "pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class OrganizationCreateView(CuratorRequiredMixin, CreateView):
    request: AuthenticatedHttpRequest

    form_class = OrganizationRequestForm
    template_name = "curation/organization_form.html"

    def form_valid(self, form):
        organization = services.organization_create(
            actor=self.request.user, organization=form.instance
        )
        messages.success(self.request, _("%(name)s is registered.") % {"name": organization.name})
        return HttpResponseRedirect(staff_url(organization))


class OrganizationEditView(CuratorRequiredMixin, UpdateView):
    """An organization's staff page: its details to edit, its decisions, members, history."""

    request: AuthenticatedHttpRequest

    form_class = OrganizationRequestForm
    template_name = "curation/organization_edit.html"
    context_object_name = "organization"
    queryset = Organization.objects.select_related("verified_by", "requested_by")

    def get_context_data(self, **kwargs):
        organization = self.object
        return super().get_context_data(
            members=list(selectors.members_of(organization)),
            invitations=list(selectors.open_invitations_of(organization)),
            history=list(history_of(organization)[:50]),
            history_table=HISTORY_TABLE,
            note_form=kwargs.pop("note_form", None) or NoteForm(),
            reason_form=kwargs.pop("reason_form", None) or ReasonForm(),
            **kwargs,
        )

    def form_valid(self, form):
        services.organization_update(actor=self.request.user, organization=form.instance)
        messages.success(self.request, _("Saved."))
        return HttpResponseRedirect(staff_url(self.object))


class OrganizationActionView(CuratorRequiredMixin, View):
    """One decision on an organization, posted from its staff page."""

    request: AuthenticatedHttpRequest

    http_method_names = ["post"]
    action = ""

    @cached_property
    def organization(self) -> Organization:
        return get_object_or_404(Organization, pk=self.kwargs["pk"])

    def post(self, request, pk: int):
        organization = self.organization
        form = (ReasonForm if self.action in ("suspend", "reinstate") else NoteForm)(request.POST)
        if not form.is_valid():
            return self.refused(form)
        text = form.cleaned_data.get("reason") or form.cleaned_data.get("note") or ""
        actor = request.user
        try:
            if self.action == "verify":
                services.organization_verify(actor=actor, organization=organization, note=text)
                done = _("Marked as verified.")
            elif self.action in ("approve", "decline"):
                approve = self.action == "approve"
                services.organization_decide(
                    actor=actor, organization=organization, approve=approve, note=text
                )
                done = (
                    _("Approved: the person who asked is told.")
                    if approve
                    else _("Declined: the person who asked is told.")
                )
            elif self.action == "suspend":
                services.organization_suspend(actor=actor, organization=organization, reason=text)
                done = _("Suspended: its listings are hidden and its members are told.")
            else:
                services.organization_reinstate(actor=actor, organization=organization, reason=text)
                done = _("Reinstated: its listings are shown again and its members are told.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return HttpResponseRedirect(staff_url(organization))
        messages.success(request, done)
        return HttpResponseRedirect(staff_url(organization))

    def refused(self, form):
        """The staff page again, with the error by the field and what was typed kept."""
        view = OrganizationEditView(request=self.request, kwargs={"pk": self.organization.pk})
        view.object = self.organization
        context = view.get_context_data(
            form=OrganizationRequestForm(instance=self.organization),
            **{"reason_form" if isinstance(form, ReasonForm) else "note_form": form},
        )
        return view.render_to_response(context)
