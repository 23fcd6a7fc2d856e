"""Credentials: the public list and page, and staff's pages to keep them and their state
rules (staff only: a credential is a fact Camino vouches for, not a partner's listing)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django.views.generic.base import TemplateResponseMixin, View
from django.views.generic.edit import ModelFormMixin

from apps.certifications.credential_forms import (
    CredentialFilterForm,
    CredentialForm,
    StateRuleForm,
)
from apps.certifications.credential_selectors import (
    credential_detail_queryset,
    credential_rules_for_staff,
    credentials_for,
    credentials_for_staff,
    credentials_search,
    rules_table,
)
from apps.certifications.credential_services import (
    credential_publish,
    credential_save,
    rule_remove,
    rule_save,
)
from apps.certifications.models import Credential, StateRule
from apps.core.mixins import CuratorRequiredMixin, SearchListMixin
from apps.core.review import Table
from apps.core.roles import is_curator
from apps.core.us import State

PAGE_SIZE = 20


class CredentialListView(SearchListMixin, ListView):
    """Published credentials with the shared keyword search and the list's filters."""

    template_name = "certifications/credential_list.html"
    context_object_name = "credentials"
    filter_form_class = CredentialFilterForm
    paginate_by = PAGE_SIZE

    def search(self, filters):
        return credentials_search(filters)

    def load(self, entries):
        return credentials_for(entries, state=self.filters.state)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            state_name=State(self.filters.state).label if self.filters.state else "",
            **kwargs,
        )


class CredentialDetailView(DetailView):
    """A credential's page with its state rules table; `?state=CA` puts that state first.
    A draft: staff only (a 404 for anyone else)."""

    template_name = "certifications/credential_detail.html"
    context_object_name = "credential"

    def get_queryset(self):
        return credential_detail_queryset(self.request.user)

    def get_context_data(self, **kwargs):
        asked = self.request.GET.get("state", "").strip().upper()[:8]
        chosen = asked if asked in State.values else ""
        return super().get_context_data(
            rules=rules_table(self.object, chosen),
            state_name=State(chosen).label if chosen else "",
            unknown_state=asked if asked and not chosen else "",
            state_choices=State.choices,
            staff=is_curator(self.request.user),
            **kwargs,
        )


# -- Staff -------------------------------------------------------------------------------------

STAFF_TABLE = Table(
    caption=gettext_lazy("Credentials, the longest unchecked state rules first"),
    headers=(
        gettext_lazy("Credential"), gettext_lazy("Status"), gettext_lazy("State rules"),
        gettext_lazy("Oldest check"), gettext_lazy("Actions"),
    ),
    row_template="certifications/staff/includes/credential_row.html",
    empty=gettext_lazy("No credentials yet."),
    stack=True,
)  # fmt: skip

RULES_TABLE = Table(
    caption=gettext_lazy("State rules of this credential"),
    headers=(
        gettext_lazy("State"), gettext_lazy("Rule"), gettext_lazy("Source"),
        gettext_lazy("Checked"), gettext_lazy("Actions"),
    ),
    row_template="certifications/staff/includes/rule_row.html",
    empty=gettext_lazy("No state checked yet: every state says \"not checked yet\"."),
    stack=True,
)  # fmt: skip


class CredentialStaffListView(CuratorRequiredMixin, ListView):
    template_name = "certifications/staff/credential_list.html"
    context_object_name = "credentials"
    paginate_by = 50
    extra_context = {"table": STAFF_TABLE}

    def get_queryset(self):
        return credentials_for_staff()


class CredentialFormMixin(TemplateResponseMixin, ModelFormMixin):
    request: HttpRequest
    form_class: type[CredentialForm] | None = CredentialForm
    template_name: str | None = "certifications/staff/credential_form.html"

    def form_valid(self, form):
        credential = credential_save(actor=self.request.user, credential=form.instance)
        messages.success(self.request, _("The credential is saved."))
        return HttpResponseRedirect(reverse("certifications:credential_edit", args=[credential.pk]))


class CredentialCreateView(CuratorRequiredMixin, CredentialFormMixin, CreateView):
    pass


class CredentialUpdateView(CuratorRequiredMixin, CredentialFormMixin, UpdateView):
    queryset = Credential.objects.all()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rules=credential_rules_for_staff(self.object), rules_table=RULES_TABLE, **kwargs
        )


class CredentialPublishView(CuratorRequiredMixin, View):
    """Publish a credential (`published=1`) or take it off the list (`published=0`)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        credential = get_object_or_404(Credential, pk=pk)
        published = request.POST.get("published") == "1"
        credential_publish(actor=request.user, credential=credential, published=published)
        if published:
            messages.success(request, _("Published: anyone can find it."))
        else:
            messages.success(request, _("Unpublished: it is no longer listed."))
        return HttpResponseRedirect(reverse("certifications:credential_edit", args=[pk]))


class RuleFormMixin(TemplateResponseMixin, ModelFormMixin):
    request: HttpRequest
    form_class: type[StateRuleForm] | None = StateRuleForm
    template_name: str | None = "certifications/staff/rule_form.html"

    def form_valid(self, form):
        rule = rule_save(actor=self.request.user, rule=form.instance)
        messages.success(self.request, _("The state rule is saved, checked today."))
        return HttpResponseRedirect(
            reverse("certifications:credential_edit", args=[rule.credential_id])
        )


class RuleCreateView(CuratorRequiredMixin, RuleFormMixin, CreateView):
    @cached_property
    def credential(self) -> Credential:
        return get_object_or_404(Credential, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "credential": self.credential}

    def get_context_data(self, **kwargs):
        return super().get_context_data(credential=self.credential, **kwargs)


class RuleUpdateView(CuratorRequiredMixin, RuleFormMixin, UpdateView):
    queryset = StateRule.objects.select_related("credential", "checked_by")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "credential": self.object.credential}

    def get_context_data(self, **kwargs):
        return super().get_context_data(credential=self.object.credential, **kwargs)


class RuleRemoveView(CuratorRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        rule: StateRule = get_object_or_404(StateRule.objects.select_related("credential"), pk=pk)
        rule_remove(actor=request.user, rule=rule)
        messages.success(
            request,
            _('The rule for %(state)s is removed: it says "not checked yet" again.')
            % {"state": rule.get_state_display()},
        )
        return HttpResponseRedirect(
            reverse("certifications:credential_edit", args=[rule.credential_id])
        )
