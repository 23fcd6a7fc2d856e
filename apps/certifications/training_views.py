"""Trainings' pages: the public search and a training's page; a partner's pages to write,
edit and follow their organizations' trainings (the shared manage page does the rest)."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from apps.accounts.models import User
from apps.certifications.models import Training
from apps.certifications.training_forms import StartFormSet, TrainingFilterForm, TrainingForm
from apps.certifications.training_selectors import (
    training_detail_queryset,
    trainings_for,
    trainings_search,
)
from apps.certifications.training_services import training_save
from apps.core.forms import formset_rows
from apps.core.mixins import SearchListMixin
from apps.core.review import PublishableCreateView, PublishableUpdateView, Table
from apps.core.roles import is_curator
from apps.organizations.models import Organization
from apps.organizations.selectors import member_organization_ids, organizations_of

PAGE_SIZE = 20
KIND = "trainings"


class TrainingListView(SearchListMixin, ListView):
    """Trainings someone can still start, soonest first, with the shared keyword search, the
    ZIP radius and the trainings' own filters."""

    template_name = "certifications/training_list.html"
    context_object_name = "trainings"
    paginate_by = PAGE_SIZE
    filter_form_class = TrainingFilterForm

    def search(self, filters):
        return trainings_search(filters)

    def load(self, entries):
        return trainings_for(entries)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            chosen_credential=getattr(self.form, "chosen_credential", None), **kwargs
        )


class TrainingDetailView(DetailView):
    template_name = "certifications/training_detail.html"
    context_object_name = "training"

    def get_queryset(self):
        return training_detail_queryset(self.request.user)


class TrainingFormMixin:
    """Writing and editing: the training's form with its start dates, saved by
    training_save."""

    request: HttpRequest
    object: Training | None
    form_class: type[TrainingForm] | None = TrainingForm
    template_name: str | None = "certifications/training_form.html"
    kind = KIND

    def get_form(self, form_class=None):
        form = super().get_form(form_class)  # type: ignore[misc]
        user = cast(User, self.request.user)  # the views require signing in
        organizations = Organization.objects.filter(status=Organization.Status.ACTIVE)
        if not is_curator(user):
            organizations = organizations.filter(pk__in=member_organization_ids(user))
        form.fields["organization"].queryset = organizations
        return form

    def get_starts(self):
        instance = self.object if self.object is not None else Training()
        data = self.request.POST if self.request.method == "POST" else None
        return StartFormSet(data, instance=instance, prefix="starts")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("starts", self.get_starts())
        return super().get_context_data(**kwargs)  # type: ignore[misc]

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if kwargs.get("pk") else None  # type: ignore[attr-defined]
        form = self.get_form()
        starts = self.get_starts()
        if not (form.is_valid() and starts.is_valid()):
            return self.render_to_response(  # type: ignore[attr-defined]
                self.get_context_data(form=form, starts=starts)
            )
        creating = form.instance.pk is None
        kept, removed = formset_rows(starts)
        training = training_save(
            actor=request.user, training=form.instance,
            credentials=form.cleaned_data["credentials"], starts=kept, removed_starts=removed,
        )  # fmt: skip
        if creating:
            messages.success(
                request, _("Saved as a draft. Check how it looks, then send it for review.")
            )
        else:
            messages.success(request, _("Your changes are saved."))
        return HttpResponseRedirect(training.get_manage_url())


class TrainingCreateView(TrainingFormMixin, PublishableCreateView):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not is_curator(user) and not organizations_of(user).exists():
            messages.info(
                request,
                _("To offer a training, register your organization first, or ask its staff "
                  "to add you."),
            )  # fmt: skip
            return HttpResponseRedirect(reverse("organizations:register"))
        return super().dispatch(request, *args, **kwargs)


class TrainingUpdateView(TrainingFormMixin, PublishableUpdateView):
    pass


class MyTrainingsView(LoginRequiredMixin, ListView):
    """The trainings of a partner's organizations, in every state, latest change first."""

    template_name = "certifications/training_mine.html"
    context_object_name = "trainings"
    paginate_by = PAGE_SIZE
    extra_context = {
        "table": Table(
            caption=gettext_lazy("My organizations' trainings"),
            headers=(
                gettext_lazy("Training"), gettext_lazy("Next start"),
                gettext_lazy("Organization"), gettext_lazy("Status"),
                gettext_lazy("Note from our staff"),
            ),
            row_template="certifications/includes/training_mine_row.html",
            empty=gettext_lazy("Your organizations have no trainings yet."),
            stack=True,
        )
    }  # fmt: skip

    def get_queryset(self):
        user = cast(User, self.request.user)
        return (
            Training.objects.filter(organization__in=member_organization_ids(user))
            .select_related("organization", "search_entry")
            .order_by("-updated_at", "-id")
        )
