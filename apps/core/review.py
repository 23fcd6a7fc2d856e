"""The publication workflow's pages, shared by every publishable type: writing and editing a
draft, the manage page (preview, status, history and the action buttons) and the staff review
queues. A type plugs in by registering a PublishableType (apps.core.publishable)."""

from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DetailView, ListView, TemplateView, UpdateView
from django.views.generic.edit import ModelFormMixin

from apps.core.mixins import CuratorRequiredMixin, ForgivingPaginationMixin
from apps.core.models import AuditEntry
from apps.core.publishable import PublishableType, publishable_types
from apps.core.registry import item_links
from apps.core.roles import is_curator
from apps.core.services import (
    REVIEWERS,
    TRANSITIONS,
    InvalidTransition,
    allowed_transitions,
    may_review,
    publication_transition,
    publishable_save,
    transition_for,
)

PAGE_SIZE = 20


@dataclass(frozen=True)
class Table:
    """A staff table (includes/staff_table.html): its caption, column headings, the template
    of one row (it gets `row`; "" when the view writes its rows in Python and gives them as
    `rows_html`) and what to say when there are no rows. With `stack`, on a
    phone each row reads as a block of labelled lines instead of scrolling sideways: its row
    template labels each cell with its heading (`data-label="{{ table.headers.0 }}"`)."""

    caption: str | Promise
    headers: tuple
    row_template: str
    empty: str | Promise = ""
    stack: bool = False


QUEUE_TABLE = Table(
    caption=gettext_lazy("Waiting for review, oldest first"),
    headers=(
        gettext_lazy("Sent"), gettext_lazy("Title"), gettext_lazy("Sent by"),
        gettext_lazy("Missing translation"),
    ),
    row_template="core/includes/queue_row.html",
    empty=gettext_lazy("Nothing is waiting for review."),
    stack=True,
)  # fmt: skip

HISTORY_TABLE = Table(
    caption=gettext_lazy("History"),
    headers=(gettext_lazy("When"), gettext_lazy("Who"), gettext_lazy("What"), gettext_lazy("Note")),
    row_template="core/includes/history_row.html",
    stack=True,
)


class ReviewForm(forms.Form):
    """The action a person chose on the manage page, with the note for its owners."""

    action = forms.ChoiceField(
        choices=[(t.action, t.button) for t in TRANSITIONS.values() if t.button]
    )
    note = forms.CharField(
        label=gettext_lazy("Note for whoever sent it (included in the email)"),
        required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def clean(self):
        super().clean()
        data = self.cleaned_data
        action = data.get("action")
        if action and TRANSITIONS[action].note_required and not data.get("note"):
            self.add_error("note", _("Write a note: they will read it in the email."))
        return data


class PublishableTypeMixin:
    """Finds the publishable type from the view's `kind`, or the URL's."""

    kind = ""
    kwargs: dict[str, Any]  # set by View.setup()
    request: HttpRequest

    def get_kind(self) -> PublishableType:
        key = self.kind or self.kwargs.get("kind", "")
        if key not in publishable_types:
            raise Http404
        self.kind_key = key
        return publishable_types[key]


class ManageView(PublishableTypeMixin, LoginRequiredMixin, DetailView):
    """An item's status and preview for its owners and its reviewers, with what each may do
    next: edit, renew, send for review, publish or reject with a note. Reviewers also see its
    history."""

    context_object_name = "item"

    def get_queryset(self):
        model = self.get_kind().model
        return model.objects.managed_by(self.request.user).select_related(*model.owner_related)

    def get_template_names(self):
        return [self.get_kind().manage_template]

    def get_context_data(self, **kwargs):
        item, user, kind = self.object, self.request.user, self.get_kind()
        allowed = allowed_transitions(actor=user, item=item)
        offered = [transition_for(item, action) for action in allowed]
        buttons = [transition for transition in offered if transition.button]
        reviewer = may_review(user, item)
        can_edit = kind.model.objects.editable_by(user).filter(pk=item.pk).exists()
        return super().get_context_data(
            kind=kind,
            buttons=buttons,
            show_note=any(t.who == REVIEWERS for t in buttons),
            edit_url=publishable_types.edit_url(self.kind_key, item) if can_edit else "",
            renew_url=(
                reverse(kind.renew_url_name, kwargs={"pk": item.pk})
                if kind.renew_url_name and "renew with changes" in allowed
                else ""
            ),
            review_form=kwargs.pop("review_form", None) or ReviewForm(),
            history=history_of(item) if reviewer else None,
            staff_links=staff_links(item) if reviewer else [],
            history_table=HISTORY_TABLE,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = item = self.get_object()
        form = ReviewForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(review_form=form))
        action, note = form.cleaned_data["action"], form.cleaned_data["note"]
        try:
            transition = transition_for(item, action)
            publication_transition(actor=request.user, item=item, action=action, note=note)
        except InvalidTransition:
            if TRANSITIONS[action].refused_when_reported and item.has_open_reports():
                messages.error(request, _("Our staff must look at the reports about it first."))
            else:
                messages.error(request, _("That is no longer possible: its status has changed."))
        else:
            messages.success(request, transition.label)
        return HttpResponseRedirect(item.get_manage_url())


class PublishableFormView(PublishableTypeMixin, LoginRequiredMixin, ModelFormMixin):
    """Writing a draft and editing it, with the type's form: members write for their own
    organizations only (a type without organizations: for themselves); reviewers for any."""

    template_name: str | None = "core/publishable_form.html"

    def get_form_class(self):
        # A type's own page names its form; core's generic page takes the declared one.
        form_class = self.form_class or self.get_kind().form_class
        if form_class is None:  # the type has its own pages instead
            raise Http404
        return form_class

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields.get("organization")
        user = self.request.user
        if field is not None and not is_curator(user):
            field.queryset = field.queryset.filter(
                pk__in=cast(Any, self.get_kind().model.objects).member_organizations(user)
            )
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.get_kind(), **kwargs)

    def form_valid(self, form):
        creating = form.instance.pk is None
        item = publishable_save(actor=self.request.user, item=form.instance)
        if creating:
            messages.success(
                self.request, _("Saved as a draft. Check how it looks, then send it for review.")
            )
        else:
            messages.success(self.request, _("Your changes are saved."))
        return HttpResponseRedirect(item.get_manage_url())


class PublishableCreateView(PublishableFormView, CreateView):
    pass


class PublishableUpdateView(PublishableFormView, UpdateView):
    def get_queryset(self):
        return self.get_kind().model.objects.editable_by(self.request.user)


def staff_links(item) -> list[tuple[str, str]]:
    """The (label, address) of the other staff pages about an item that apps declared."""
    links = [(str(link.label), link.url(item)) for link in item_links]
    return [(label, url) for label, url in links if url]


def history_of(item):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(item)), object_id=item.pk
    ).select_related("actor")


def awaiting_review(kind: PublishableType):
    model = kind.model
    return model.objects.awaiting_review().select_related(*{*model.owner_related, "created_by"})


class ReviewQueueView(
    PublishableTypeMixin, CuratorRequiredMixin, ForgivingPaginationMixin, ListView
):
    """One type's review queue, oldest first."""

    template_name = "core/review_queue.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        kind = self.get_kind()
        if not kind.may_review(self.request.user):
            raise PermissionDenied
        return awaiting_review(kind)

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind=self.get_kind(), queue_table=QUEUE_TABLE, **kwargs)


OVERVIEW_SIZE = 10


class ReviewOverviewView(CuratorRequiredMixin, TemplateView):
    """Every type's queue on one page: the oldest few of each, with a link to the rest."""

    template_name = "core/review_overview.html"

    def get_context_data(self, **kwargs):
        sections = []
        for key, kind in publishable_types.items():
            if not kind.may_review(self.request.user):
                continue
            queue = awaiting_review(kind)
            sections.append(
                {
                    "kind": kind,
                    "items": queue[:OVERVIEW_SIZE],
                    "count": queue.count(),
                    "url": publishable_types.queue_url(key),
                }
            )
        return super().get_context_data(sections=sections, queue_table=QUEUE_TABLE, **kwargs)
