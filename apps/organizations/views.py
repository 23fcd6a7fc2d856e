from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, FormView, ListView, TemplateView, View

from apps.accounts.http import AuthenticatedHttpRequest
from apps.accounts.models import User
from apps.core.roles import is_curator
from apps.organizations import selectors, services
from apps.organizations.forms import InvitationForm, LeaveForm, OrganizationRequestForm
from apps.organizations.models import Membership, Organization
from apps.organizations.sections import sections_of


class OrganizationRequestView(LoginRequiredMixin, CreateView):
    request: AuthenticatedHttpRequest

    form_class = OrganizationRequestForm
    template_name = "organizations/request_form.html"

    def form_valid(self, form):
        organization = services.organization_request(
            actor=self.request.user, organization=form.instance
        )
        messages.success(
            self.request,
            _("Thank you. Our staff will review %(name)s and write to you.")
            % {"name": organization.name},
        )
        return HttpResponseRedirect(reverse("organizations:mine"))


class MyOrganizationsView(LoginRequiredMixin, ListView):
    request: AuthenticatedHttpRequest

    template_name = "organizations/mine.html"
    context_object_name = "organizations"

    def get_queryset(self):
        return selectors.organizations_of(self.request.user)


class OrganizationDetailView(DetailView):
    """An organization's public page, with everything it offers across Camino (each app's
    section, apps.organizations.sections)."""

    template_name = "organizations/detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return selectors.organizations_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # A suspended organization's items are hidden, so it offers nothing for now.
        if not self.object.is_suspended:
            context["sections"] = sections_of(self.object)
        return context


class MemberOrganizationMixin(LoginRequiredMixin, View):
    """Pages about one organization's members: its own members' (staff see every one).
    Another organization is a 404."""

    @property
    def me(self) -> User:
        return cast(User, self.request.user)  # the pages require signing in

    @cached_property
    def organization(self) -> Organization:
        return get_object_or_404(
            selectors.organizations_managed_by(self.me), slug=self.kwargs["slug"]
        )

    @cached_property
    def membership(self) -> Membership | None:
        return self.organization.memberships.filter(user=self.me).first()

    @property
    def is_lead(self) -> bool:
        return is_curator(self.me) or bool(self.membership and self.membership.is_lead)

    def back(self):
        return HttpResponseRedirect(
            reverse("organizations:members", kwargs={"slug": self.organization.slug})
        )


class MembersView(MemberOrganizationMixin, FormView):
    """Who is in the organization and who is invited; a member invites a colleague here."""

    template_name = "organizations/members.html"
    form_class = InvitationForm

    def get_initial(self):
        return {"language": get_language()}

    def get_context_data(self, **kwargs):
        members = list(selectors.members_of(self.organization))
        mine = next((m for m in members if m.user_id == self.me.pk), None)
        others = [m for m in members if m is not mine]
        last_lead = bool(mine and mine.is_lead) and not any(m.is_lead for m in others)
        leave_form = LeaveForm(
            others=self.organization.memberships.exclude(user=self.me).select_related("user")
        )
        return super().get_context_data(
            organization=self.organization,
            members=members,
            membership=mine,
            is_lead=self.is_lead,
            invitations=list(selectors.open_invitations_of(self.organization)),
            leave_form=leave_form if last_lead and others else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            services.invitation_create(
                actor=self.me, organization=self.organization, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("email", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("We sent an invitation to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return self.back()

    def post(self, request, *args, **kwargs):
        if self.membership is None:  # staff see members; only members invite
            raise PermissionDenied
        return super().post(request, *args, **kwargs)


class LeaveView(MemberOrganizationMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug: str):
        if self.membership is None:
            raise PermissionDenied
        form = LeaveForm(request.POST, others=self.organization.memberships.exclude(user=self.me))
        new_lead = form.cleaned_data["new_lead"] if form.is_valid() else None
        try:
            services.membership_leave(
                actor=self.me, organization=self.organization, new_lead=new_lead
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back()
        messages.success(request, _("You left %(name)s.") % {"name": self.organization.name})
        return HttpResponseRedirect(reverse("organizations:mine"))


class MemberRemoveView(MemberOrganizationMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug: str, pk: int):
        membership = get_object_or_404(self.organization.memberships.select_related("user"), pk=pk)
        if not self.is_lead:
            raise PermissionDenied
        try:
            services.membership_remove(actor=self.me, membership=membership)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back()
        messages.success(
            request,
            _("%(name)s is no longer a member.") % {"name": membership.user.get_full_name()},
        )
        return self.back()


class InvitationCancelView(MemberOrganizationMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug: str, pk: int):
        invitation = get_object_or_404(self.organization.invitations, pk=pk)
        if not self.is_lead:
            raise PermissionDenied
        try:
            services.invitation_cancel(actor=self.me, invitation=invitation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.back()
        messages.success(request, _("The invitation is cancelled: its link no longer works."))
        return self.back()


class InvitationView(TemplateView):
    """Where an invitation's link leads: who invites whom, and a button to join once signed
    in with the invited address. A link that was cancelled, used or has expired says so."""

    template_name = "organizations/invitation.html"

    @cached_property
    def invitation(self):
        return services.invitation_of_token(self.kwargs["token"])

    def get_context_data(self, **kwargs):
        problem = services.invitation_refusal(self.invitation, self.request.user)
        return super().get_context_data(invitation=self.invitation, problem=problem, **kwargs)

    def post(self, request, token: str):
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        if self.invitation is None:
            return self.get(request, token)
        try:
            membership = services.invitation_accept(
                actor=cast(User, request.user), invitation=self.invitation
            )
        except ValidationError:
            return self.get(request, token)  # the page says why
        messages.success(
            request,
            _("Welcome to %(name)s. You can now submit for it.")
            % {"name": membership.organization.name},
        )
        return HttpResponseRedirect(
            reverse("organizations:members", kwargs={"slug": membership.organization.slug})
        )
