from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, ListView

from apps.accounts.http import AuthenticatedHttpRequest
from apps.organizations import selectors
from apps.organizations.forms import OrganizationRequestForm
from apps.organizations.services import organization_request


class OrganizationRequestView(LoginRequiredMixin, CreateView):
    request: AuthenticatedHttpRequest

    form_class = OrganizationRequestForm
    template_name = "organizations/request_form.html"

    def form_valid(self, form):
        organization = organization_request(actor=self.request.user, organization=form.instance)
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
    template_name = "organizations/detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return selectors.organizations_visible_to(self.request.user)
